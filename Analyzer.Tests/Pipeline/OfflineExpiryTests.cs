using Analyzer.Decoding.Link;
using Analyzer.Pipeline;
using Analyzer.Tests.Support;

namespace Analyzer.Tests.Pipeline;

/// <summary>
/// A saved capture runs the expiry clock on capture time, as a live capture runs it on the wall clock: idle flows end
/// "idle" in the capture, in the order they went quiet, not all at its end.
/// </summary>
public sealed class OfflineExpiryTests
{
    private static byte[] Dns(string src, ushort srcPort) =>
        Frames.Ethernet(0x0800, Frames.Ipv4(src, "192.168.1.1", 17, Frames.Udp(srcPort, 53, [1, 2, 3, 4])));

    [Fact]
    public void AFlowQuietForLongerThanTheUdpTimeoutEndsIdleBeforeTheCaptureEnds()
    {
        using var dir = new TempDir();
        var settings = new PipelineSettings { AlertsPath = dir.File("alerts.csv"), FlowsPath = dir.File("flows.csv"), AllFlows = true };
        const long t0 = 1_700_000_000_000_000;
        using (var pipeline = new AnalyzerPipeline(settings))
        {
            pipeline.BeginCapture("expiry.pcap");
            pipeline.OnFrame(LinkType.Ethernet, t0, Dns("192.168.1.20", 40000), 60);
            pipeline.OnFrame(LinkType.Ethernet, t0 + 30_000_000, Dns("192.168.1.21", 40001), 60);
            // 61 s after the first: the first flow is past the 60-s UDP timeout, the second is not.
            pipeline.OnFrame(LinkType.Ethernet, t0 + 61_000_000, Dns("192.168.1.22", 40002), 60);
            pipeline.EndCapture();
            pipeline.Finish();
        }
        var rows = File.ReadAllLines(settings.FlowsPath!)[1..].Select(r => r.Split(',')).ToArray();
        Assert.Equal(
            [("192.168.1.20", "idle"), ("192.168.1.21", "end_of_capture"), ("192.168.1.22", "end_of_capture")],
            rows.Select(r => (r[3], r[14])).ToArray());
    }
}
