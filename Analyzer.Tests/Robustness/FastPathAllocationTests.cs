using Analyzer.Decoding.Link;
using Analyzer.Pipeline;
using Analyzer.Tests.Support;

namespace Analyzer.Tests.Robustness;

/// <summary>Packets that are not UPnP-family cost no allocation once their flow exists (issue: performance).</summary>
public class FastPathAllocationTests
{
    private static long AllocatedWhileFeeding(AnalyzerPipeline pipeline, byte[][] frames, int rounds)
    {
        long t = 1_700_000_000_000_000;
        foreach (var f in frames) pipeline.OnFrame(LinkType.Ethernet, t++, f, f.Length);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int r = 0; r < rounds; r++)
            foreach (var f in frames) pipeline.OnFrame(LinkType.Ethernet, t++, f, f.Length);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    [Fact]
    public void BackgroundUdpAndTcpPacketsAllocateNothing()
    {
        using var dir = new TempDir();
        using var pipeline = new AnalyzerPipeline(new PipelineSettings { AlertsPath = dir.File("a.csv") });
        byte[][] frames =
        [
            Frames.Ethernet(0x0800, Frames.Ipv4("192.168.1.20", "8.8.8.8", 17, Frames.Udp(53000, 53, new byte[40]))),
            Frames.Ethernet(0x86DD, Frames.Ipv6("fd00::20", "2001:db8::1", 17, Frames.Udp(40000, 443, new byte[1200]))),
            Frames.Ethernet(0x0800, Frames.Ipv4("192.168.1.20", "93.184.216.34", 6, Frames.Tcp(50000, 443, 1000, 1, 0x18, new byte[1400])), 10),
        ];

        long allocated = AllocatedWhileFeeding(pipeline, frames, 10_000);

        Assert.Equal(0, allocated);
    }
}
