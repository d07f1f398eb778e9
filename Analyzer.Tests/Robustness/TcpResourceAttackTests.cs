using System.Text;
using Analyzer.Decoding;
using Analyzer.Decoding.Http;
using Analyzer.Decoding.Link;
using Analyzer.Pipeline;
using Analyzer.Reassembly;
using Analyzer.Tests.Support;

namespace Analyzer.Tests.Robustness;

/// <summary>
/// TCP-level attacks on the HTTP stream analyzer (the pipeline's TCP stage): a connection that sends nothing but
/// out-of-order segments, and a 100 MB body. Held bytes stay under the reassembly caps at every segment; what the
/// caps drop is counted and reported once.
/// </summary>
[Collection(ResourceAttackCollection.Name)]
public class TcpResourceAttackTests
{
    private const long MemoryBudgetBytes = 48L * 1024 * 1024;
    private const uint Isn = 1_000_000;

    private static readonly PacketInfo Client = new()
    {
        Src = NetAddress.Parse("203.0.113.7"), Dst = NetAddress.Parse("192.168.1.1"), SrcPort = 40000, DstPort = 5000,
        Transport = Transport.Tcp, TimestampUs = 1_700_000_000_000_000,
    };

    [Fact]
    public void EndlessOutOfOrderSegmentsNeverHoldMoreThanTheOutOfOrderCap()
    {
        var consumer = new ConsumeAll();
        var reassembler = new TcpReassembler(consumer);
        var limits = reassembler.Limits;
        var sink = new CountingSink();
        var payload = new byte[1000];
        var rng = new Random(7);
        reassembler.OnSegment(Client with { TcpSeq = Isn, TcpFlags = TcpFlags.Syn }, [], sink);
        long before = ManagedMemory.Live();

        // Every segment lands ahead of the next expected byte, inside the window: the hole before it never fills.
        const int segments = 400_000;
        for (int i = 0; i < segments; i++)
        {
            uint next = Isn + 1 + (uint)consumer.Delivered;
            uint seq = next + 100 + (uint)rng.Next(limits.MaxSequenceJump - 2000);
            reassembler.OnSegment(Client with { TcpSeq = seq, TcpFlags = TcpFlags.Ack, TimestampUs = Client.TimestampUs + i }, payload, sink);
            if (reassembler.HeldBytes > limits.MaxOutOfOrderBytesPerDirection)
                Assert.Fail($"segment {i}: {reassembler.HeldBytes} bytes held, cap {limits.MaxOutOfOrderBytesPerDirection}");
        }
        long growth = ManagedMemory.Live() - before;
        var counters = reassembler.Counters;

        Assert.True(growth < MemoryBudgetBytes, $"managed memory grew by {growth / 1048576} MB");
        Assert.Equal(1, reassembler.StreamCount);
        // A full out-of-order queue gives up on the hole: the flood becomes gaps, each counted, reported once.
        Assert.True(counters.Gaps > segments / (2 * limits.MaxOutOfOrderSegmentsPerDirection), $"{counters.Gaps} gaps");
        Assert.Equal(1, sink.Anomalies(TcpAnomalyIds.Gap));
        Assert.Equal(counters.Gaps, consumer.Gaps);
        reassembler.Finish(Client.TimestampUs + segments, sink);
        Assert.Equal(0, reassembler.HeldBytes);
    }

    [Fact]
    public void EndlessOutOfOrderSegmentsAfterAnHttpHeadStayWithinTheCapsOfTheHttpStage()
    {
        var analyzer = new HttpOverTcp();
        var limits = analyzer.Limits.Reassembly;
        var sink = new CountingSink();
        var payload = new byte[1000];
        var rng = new Random(8);
        var head = "POST /upnp/control/WANIPConn1 HTTP/1.1\r\nHOST: 192.168.1.1:5000\r\nCONTENT-LENGTH: 100000000\r\n\r\n"u8.ToArray();
        analyzer.OnSegment(Client with { TcpSeq = Isn, TcpFlags = TcpFlags.Syn }, [], sink);
        analyzer.OnSegment(Client with { TcpSeq = Isn + 1, TcpFlags = TcpFlags.Ack }, head, sink);
        long before = ManagedMemory.Live();
        long cap = limits.MaxOutOfOrderBytesPerDirection + limits.MaxPendingBytesPerDirection + analyzer.Limits.MaxBodyBytes + HttpHead.MaxHeadBytes;

        for (int i = 0; i < 200_000; i++)
        {
            uint seq = Isn + 1 + (uint)head.Length + 100 + (uint)rng.Next(limits.MaxSequenceJump - 2000);
            analyzer.OnSegment(Client with { TcpSeq = seq, TcpFlags = TcpFlags.Ack, TimestampUs = Client.TimestampUs + i }, payload, sink);
            if (analyzer.HeldBytes > cap) Assert.Fail($"segment {i}: {analyzer.HeldBytes} bytes held, cap {cap}");
        }
        long growth = ManagedMemory.Live() - before;

        Assert.True(growth < MemoryBudgetBytes, $"managed memory grew by {growth / 1048576} MB");
        Assert.Equal(1, analyzer.StreamCount);
        Assert.Equal(1, sink.Anomalies(TcpAnomalyIds.Gap));
        analyzer.Finish(Client.TimestampUs + 200_000, sink);
        Assert.Equal(0, analyzer.HeldBytes);
    }

    [Fact]
    public void AHundredMegabyteBodyIsCountedNotKept()
    {
        const long bodyLength = 100L * 1024 * 1024;
        const int segmentBytes = 60_000;
        var analyzer = new HttpOverTcp();
        var sink = new CountingSink();
        var head = Encoding.ASCII.GetBytes(
            "POST /upnp/control/WANIPConn1 HTTP/1.1\r\nHOST: 192.168.1.1:5000\r\nCONTENT-TYPE: text/xml\r\n" +
            "SOAPACTION: \"urn:schemas-upnp-org:service:WANIPConnection:1#AddPortMapping\"\r\n" +
            $"CONTENT-LENGTH: {bodyLength}\r\n\r\n");
        var chunk = new byte[segmentBytes];
        Encoding.ASCII.GetBytes("<?xml version=\"1.0\"?><s:Envelope>").CopyTo(chunk, 0);
        var server = Client.Reversed();
        analyzer.OnSegment(Client with { TcpSeq = Isn, TcpFlags = TcpFlags.Syn }, [], sink);
        analyzer.OnSegment(server with { TcpSeq = 5, TcpAck = Isn + 1, TcpFlags = TcpFlags.Syn | TcpFlags.Ack }, [], sink);
        uint seq = Isn + 1;
        analyzer.OnSegment(Client with { TcpSeq = seq, TcpFlags = TcpFlags.Ack | TcpFlags.Psh }, head, sink);
        seq += (uint)head.Length;
        long before = ManagedMemory.Live();
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        long maxHeld = 0;

        for (long sent = 0; sent < bodyLength; sent += segmentBytes)
        {
            int n = (int)Math.Min(segmentBytes, bodyLength - sent);
            analyzer.OnSegment(Client with { TcpSeq = seq, TcpFlags = TcpFlags.Ack, TimestampUs = Client.TimestampUs + sent / segmentBytes }, chunk.AsSpan(0, n), sink);
            seq += (uint)n;
            maxHeld = Math.Max(maxHeld, analyzer.HeldBytes);
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var response = "HTTP/1.1 200 OK\r\nCONTENT-LENGTH: 0\r\n\r\n"u8.ToArray();
        analyzer.OnSegment(server with { TcpSeq = 6, TcpAck = seq, TcpFlags = TcpFlags.Ack | TcpFlags.Psh, TimestampUs = Client.TimestampUs + 10_000 }, response, sink);
        long growth = ManagedMemory.Live() - before;

        Assert.Equal(1, sink.Anomalies(HttpAnomalyIds.BodyTooLong));
        Assert.Equal(0, sink.Anomalies(TcpAnomalyIds.StreamCap));
        // Held: the unconsumed tail of one segment, the kept body (the rest is counted) and nothing else.
        long cap = analyzer.Limits.Reassembly.MaxPendingBytesPerDirection + analyzer.Limits.MaxBodyBytes + HttpHead.MaxHeadBytes;
        Assert.True(maxHeld <= cap, $"{maxHeld} bytes held, cap {cap}");
        Assert.True(allocated < 8L * 1024 * 1024, $"{allocated / 1048576} MB allocated while streaming the body");
        Assert.True(growth < MemoryBudgetBytes, $"managed memory grew by {growth / 1048576} MB");
        var soap = Assert.Single(sink.FirstEvents.OfType<Analyzer.Decoding.Soap.SoapRequest>());
        var fields = soap.Fields().ToDictionary(f => f.Key, f => f.Value);
        Assert.Equal(bodyLength.ToString(System.Globalization.CultureInfo.InvariantCulture), fields["body_len"]);
        Assert.Equal("1", fields["body_truncated"]);
    }

    [Fact]
    public void AHundredMegabyteBodyThroughThePipelineRaisesNoDecoderException()
    {
        const long bodyLength = 100L * 1024 * 1024;
        const int segmentBytes = 60_000;
        using var dir = new TempDir();
        using var pipeline = new AnalyzerPipeline(new PipelineSettings { AlertsPath = dir.File("alerts.csv") });
        var head = Encoding.ASCII.GetBytes(
            "POST /upnp/control/WANIPConn1 HTTP/1.1\r\nHOST: 192.168.1.1:5000\r\n" +
            "SOAPACTION: \"urn:schemas-upnp-org:service:WANIPConnection:1#AddPortMapping\"\r\n" +
            $"CONTENT-LENGTH: {bodyLength}\r\n\r\n");
        uint seq = Isn;
        void Send(byte flags, byte[] payload, int length)
        {
            var frame = Frames.Ethernet(0x0800, Frames.Ipv4("203.0.113.7", "192.168.1.1", 6, Frames.Tcp(40000, 80, seq, 1, flags, payload.AsSpan(0, length).ToArray())));
            pipeline.OnFrame(LinkType.Ethernet, 1_700_000_000_000_000 + seq / 1000, frame, frame.Length);
            seq += (uint)Math.Max(length, (flags & 0x02) != 0 ? 1 : 0);
        }
        Send(0x02, [], 0);
        Send(0x18, head, head.Length);
        var chunk = new byte[segmentBytes];
        long before = ManagedMemory.Live();

        for (long sent = 0; sent < bodyLength; sent += segmentBytes) Send(0x10, chunk, (int)Math.Min(segmentBytes, bodyLength - sent));
        long growth = ManagedMemory.Live() - before;
        pipeline.Finish();

        Assert.True(growth < MemoryBudgetBytes, $"managed memory grew by {growth / 1048576} MB");
        Assert.False(pipeline.Statistics.AnomaliesById.ContainsKey("decode.exception"));
        Assert.Equal(1, pipeline.Statistics.AnomaliesById[HttpAnomalyIds.BodyTooLong]);
    }

    private sealed class ConsumeAll : ITcpStreamConsumer
    {
        public long Delivered { get; private set; }
        public long Gaps { get; private set; }

        public int OnData(TcpStream stream, StreamDirection direction, ReadOnlySpan<byte> data, in PacketInfo packet, Analyzer.Events.IEventSink sink)
        {
            Delivered += data.Length;
            return data.Length;
        }

        public void OnGap(TcpStream stream, StreamDirection direction, long missingBytes, in PacketInfo packet, Analyzer.Events.IEventSink sink)
        {
            Gaps++;
            Delivered += missingBytes;
        }

        public void OnEnd(TcpStream stream, StreamDirection direction, in PacketInfo packet, Analyzer.Events.IEventSink sink) { }

        public void OnClosed(TcpStream stream) { }
    }
}
