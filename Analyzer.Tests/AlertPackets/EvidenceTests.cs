using Analyzer.AlertPackets;
using Analyzer.Decoding;
using Analyzer.Decoding.Link;
using Analyzer.Pipeline;
using Analyzer.Tests.Support;
using SharpPcap;
using SharpPcap.LibPcap;

namespace Analyzer.Tests.AlertPackets;

public class EvidenceTests
{
    private static string Sample(string name) => Path.Combine(Repo.Samples, name);

    /// <summary>Every frame of a capture file, numbered from 1, with its time and bytes.</summary>
    private static List<(long Number, long TimeUs, byte[] Data)> ReadFrames(string path)
    {
        var frames = new List<(long, long, byte[])>();
        using var device = new CaptureFileReaderDevice(path);
        device.Open();
        while (device.GetNextPacket(out PacketCapture capture) == GetPacketStatus.PacketRead)
        {
            var tv = capture.Header.Timeval;
            frames.Add((frames.Count + 1, (long)tv.Seconds * 1_000_000 + (long)tv.MicroSeconds, capture.Data.ToArray()));
        }
        return frames;
    }

    private static (PipelineRunner.Run Run, TempDir Dir) Analyze(string capture, EvidenceLimits? limits = null)
    {
        var dir = new TempDir();
        var run = PipelineRunner.Analyze([capture], s => s with { EvidenceDirectory = dir.File("evidence"), EvidenceLimits = limits ?? new() });
        return (run, dir);
    }

    private static void AssertFrames(string capture, long[] numbers, string evidence)
    {
        var original = ReadFrames(capture);
        var expected = numbers.Select(n => (original[(int)n - 1].TimeUs, Convert.ToHexString(original[(int)n - 1].Data))).ToList();
        var actual = ReadFrames(evidence).Select(f => (f.TimeUs, Convert.ToHexString(f.Data))).ToList();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void TheEvidenceOfATcpAlertIsItsWholeConnectionFromTheHandshake()
    {
        var capture = Sample("callstranger.pcap");
        var (run, dir) = Analyze(capture);
        using var _ = dir;

        // gena-notify-to-external at frame 27: the connection 192.168.1.199:52805 -> 198.51.100.207:80 is frames 24-35.
        var file = dir.File(Path.Combine("evidence", "callstranger-27-gena-notify-to-external.pcap"));
        Assert.Contains(run.AlertRows, r => r.EndsWith("," + file, StringComparison.Ordinal));
        AssertFrames(capture, [24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35], file);
        Assert.Equal(7, run.Statistics.Evidence.Files);
    }

    [Fact]
    public void TheEvidenceOfADatagramAlertIsThatDatagram()
    {
        var capture = Sample("natpmp-from-wan.pcap");
        var (run, dir) = Analyze(capture);
        using var _ = dir;

        var file = dir.File(Path.Combine("evidence", "natpmp-from-wan-16-natpmp-from-wan.pcap"));
        Assert.Contains(run.AlertRows, r => r.EndsWith("," + file, StringComparison.Ordinal));
        AssertFrames(capture, [16], file);
    }

    [Fact]
    public void TheAlertFileGainsAnEvidenceColumnLast()
    {
        var (run, dir) = Analyze(Sample("natpmp-from-wan.pcap"));
        using var _ = dir;

        Assert.EndsWith(",count,file,frame,evidence", run.AlertsCsv.Split('\n')[0]);
    }

    [Fact]
    public void AConnectionIsKeptUpToItsCapWithItsHandshake()
    {
        var capture = Sample("callstranger.pcap");
        var (run, dir) = Analyze(capture, new EvidenceLimits { MaxFramesPerConnection = 4 });
        using var _ = dir;

        AssertFrames(capture, [24, 25, 26, 27], dir.File(Path.Combine("evidence", "callstranger-27-gena-notify-to-external.pcap")));
        // 15 connections of 215 frames, each beyond its first 4 dropped (tshark: per tcp.stream, max(0, n - 4)).
        Assert.Equal(159, run.Statistics.Evidence.FramesOverFlowCap);
    }

    [Fact]
    public void AlertsBeyondTheFileCapAreCountedNotWritten()
    {
        var (run, dir) = Analyze(Sample("callstranger.pcap"), new EvidenceLimits { MaxFiles = 1 });
        using var _ = dir;

        Assert.Equal(1, run.Statistics.Evidence.Files);
        Assert.Equal(6, run.Statistics.Evidence.AlertsOverFileCap);
        Assert.Single(Directory.GetFiles(dir.File("evidence")));
    }

    [Fact]
    public void KeptFramesStayWithinTheMemoryCapAndForgottenFlowsAreCounted()
    {
        var stats = new EvidenceStatistics();
        var buffer = new EvidenceBuffer(new EvidenceLimits { MaxBufferedBytes = 1000 }, stats);
        var frame = new byte[300];
        for (ushort port = 1; port <= 10; port++)
        {
            var p = new PacketInfo
            {
                Src = NetAddress.Parse("192.168.1.2"), SrcPort = port, Dst = NetAddress.Parse("192.168.1.1"), DstPort = 1900,
                Transport = Transport.Udp, FrameNumber = port,
            };
            buffer.Keep(p, LinkType.Ethernet, frame);
            Assert.True(buffer.BufferedBytes <= 1000);
        }

        Assert.Equal(7, stats.FlowsForgotten);
        Assert.Equal(900, buffer.BufferedBytes);
    }
}
