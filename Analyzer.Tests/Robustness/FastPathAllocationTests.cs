using Analyzer.Decoding;
using Analyzer.Decoding.Link;
using Analyzer.Events;
using Analyzer.Flows;
using Analyzer.Pipeline;
using Analyzer.Tests.Reassembly;
using Analyzer.Tests.Support;

namespace Analyzer.Tests.Robustness;

/// <summary>
/// Packets that are not UPnP-family cost no allocation on the path they take (issue: performance): not once their
/// flow exists, not when each one opens a new flow in a full table, not on a TCP connection picked up in the middle
/// (ignored once both directions are binary, or with one binary direction set aside while the other sends no data).
/// </summary>
public class FastPathAllocationTests
{
    private const long Start = 1_700_000_000_000_000;

    private static long AllocatedWhileFeeding(AnalyzerPipeline pipeline, byte[][] warmUp, byte[][] measured, long t = Start)
    {
        foreach (var f in warmUp) pipeline.OnFrame(LinkType.Ethernet, t++, f, f.Length);
        long before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var f in measured) pipeline.OnFrame(LinkType.Ethernet, t++, f, f.Length);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static byte[][] Repeat(byte[][] frames, int rounds) => Enumerable.Repeat(frames, rounds).SelectMany(f => f).ToArray();

    /// <summary>Random bytes with a line feed now and then, as a mid-stream pickup of a binary protocol shows.</summary>
    private static byte[] Binary(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        for (int i = 37; i < length; i += 101) bytes[i] = (byte)'\n';
        return bytes;
    }

    private static byte[] TcpFrame(string src, ushort sp, string dst, ushort dp, uint seq, uint ack, byte flags, byte[] payload) =>
        Frames.Ethernet(0x0800, Frames.Ipv4(src, dst, 6, Frames.Tcp(sp, dp, seq, ack, flags, payload)));

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

        long allocated = AllocatedWhileFeeding(pipeline, frames, Repeat(frames, 10_000));

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void UdpPacketsThatEachOpenANewFlowInAFullTableAllocateNothing()
    {
        using var dir = new TempDir();
        using var pipeline = new AnalyzerPipeline(new PipelineSettings
        {
            AlertsPath = dir.File("a.csv"), FlowsPath = dir.File("f.csv"), FlowLimits = new FlowTableLimits { MaxFlows = 500 },
        });
        var frames = Enumerable.Range(0, 4000).Select(i => Frames.Ethernet(0x0800,
            Frames.Ipv4("203.0.113." + (i % 200 + 1), "192.168.1.20", 17, Frames.Udp(3478, (ushort)(32768 + i), new byte[100])))).ToArray();

        long allocated = AllocatedWhileFeeding(pipeline, frames[..1000], frames[1000..]);

        Assert.Equal(0, allocated);
        Assert.Equal(500, pipeline.ActiveFlows);
    }

    [Fact]
    public void SegmentsOfATcpConnectionPickedUpMidStreamAllocateNothing()
    {
        using var dir = new TempDir();
        using var pipeline = new AnalyzerPipeline(new PipelineSettings { AlertsPath = dir.File("a.csv"), FlowsPath = dir.File("f.csv") });
        uint client = 7_000_000, server = 9_000_000;
        var frames = new List<byte[]>();
        for (int i = 0; i < 3000; i++)
        {
            var up = Binary(20 + i % 580, i);
            frames.Add(TcpFrame("192.168.1.20", 50000, "93.184.216.34", 443, client, server, 0x18, up));
            client += (uint)up.Length;
            var down = Binary(1460, -i);
            frames.Add(TcpFrame("93.184.216.34", 443, "192.168.1.20", 50000, server, client, 0x10, down));
            server += (uint)down.Length;
            frames.Add(TcpFrame("192.168.1.20", 50000, "93.184.216.34", 443, client, server, 0x10, []));
        }

        long allocated = AllocatedWhileFeeding(pipeline, frames.Take(30).ToArray(), frames.Skip(30).ToArray());

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void SegmentsOfAConnectionPickedUpInBinaryBytesBothWaysAreIgnoredAndAllocateNothing()
    {
        var tcp = new HttpOverTcp();
        var sink = new EventList();
        var c = new TcpTestConnection(serverPort: 443);
        uint client = c.ClientData, server = c.ServerData;
        var packets = new List<(PacketInfo Packet, byte[] Payload)>();
        for (int i = 0; i < 2000; i++)
        {
            var up = Binary(20 + i % 580, i);
            packets.Add((c.FromClient(client, ack: server), up));
            client += (uint)up.Length;
            var down = Binary(1460, -i);
            packets.Add((c.FromServer(server, ack: client), down));
            server += (uint)down.Length;
        }
        for (int i = 0; i < 20; i++) tcp.OnSegment(packets[i].Packet, packets[i].Payload, sink);
        Assert.Equal(1, tcp.Counters.IgnoredStreams);
        long ignoredBefore = tcp.ReassemblyCounters.SegmentsIgnored;

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 20; i < packets.Count; i++) tcp.OnSegment(packets[i].Packet, packets[i].Payload, sink);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(packets.Count - 20, tcp.ReassemblyCounters.SegmentsIgnored - ignoredBefore);
        Assert.Empty(sink.Events);
    }

    [Fact]
    public void SegmentsOfADownloadPickedUpInBinaryBytesWhileTheClientOnlyAcknowledgesAllocateNothing()
    {
        using var dir = new TempDir();
        using var pipeline = new AnalyzerPipeline(new PipelineSettings { AlertsPath = dir.File("a.csv"), FlowsPath = dir.File("f.csv") });
        uint client = 7_000_000, server = 9_000_000;
        var frames = new List<byte[]>();
        for (int i = 0; i < 3000; i++)
        {
            var down = Binary(1460, i);
            frames.Add(TcpFrame("93.184.216.34", 80, "192.168.1.20", 50000, server, client, 0x10, down));
            server += (uint)down.Length;
            if (i % 2 == 1) frames.Add(TcpFrame("192.168.1.20", 50000, "93.184.216.34", 80, client, server, 0x10, []));
        }

        long allocated = AllocatedWhileFeeding(pipeline, frames.Take(30).ToArray(), frames.Skip(30).ToArray());

        Assert.Equal(0, allocated);
    }
}
