using System.Text;
using Analyzer.Decoding;
using Analyzer.Events;
using Analyzer.Reassembly;

namespace Analyzer.Tests.Reassembly;

public class TcpReassemblerTests
{
    private const StreamDirection ToServer = StreamDirection.FromOriginator;
    private const StreamDirection ToClient = StreamDirection.FromResponder;

    private readonly RecordingConsumer _consumer = new();
    private readonly EventList _sink = new();

    private TcpReassembler NewReassembler(TcpReassemblyLimits? limits = null) => new(_consumer, limits);

    private static byte[] B(string s) => Encoding.Latin1.GetBytes(s);

    private void Handshake(TcpReassembler r, TcpTestConnection c)
    {
        r.OnSegment(c.Syn(), default, _sink);
        r.OnSegment(c.SynAck(), default, _sink);
        r.OnSegment(c.Ack(), default, _sink);
    }

    /// <summary>Splits a text into segments of the given sizes, each with its sequence number.</summary>
    private static List<(uint Seq, byte[] Data)> Split(uint start, string text, params int[] sizes)
    {
        var result = new List<(uint, byte[])>();
        int pos = 0;
        foreach (int size in sizes)
        {
            result.Add((unchecked(start + (uint)pos), B(text.Substring(pos, size))));
            pos += size;
        }
        if (pos < text.Length) result.Add((unchecked(start + (uint)pos), B(text[pos..])));
        return result;
    }

    [Fact]
    public void BytesOfBothDirectionsAreDeliveredInOrderAfterTheHandshake()
    {
        var r = NewReassembler();
        var c = new TcpTestConnection();
        Handshake(r, c);
        r.OnSegment(c.FromClient(c.ClientData), B("GET / HTTP/1.1\r\n"), _sink);
        r.OnSegment(c.FromClient(c.ClientData + 16), B("\r\n"), _sink);
        r.OnSegment(c.FromServer(c.ServerData), B("HTTP/1.1 200 OK\r\n\r\n"), _sink);

        Assert.Equal("GET / HTTP/1.1\r\n\r\n", _consumer.Text(1, ToServer));
        Assert.Equal("HTTP/1.1 200 OK\r\n\r\n", _consumer.Text(1, ToClient));
        Assert.All(_consumer.MidStream, m => Assert.False(m));
        Assert.Empty(_sink.Anomalies);
    }

    public static TheoryData<int[]> Orders => new()
    {
        new[] { 0, 1, 2, 3 }, new[] { 3, 2, 1, 0 }, new[] { 1, 0, 3, 2 }, new[] { 2, 0, 3, 1 }, new[] { 0, 3, 1, 2 },
        new[] { 1, 2, 3, 0 }, new[] { 3, 0, 2, 1 },
    };

    [Theory]
    [MemberData(nameof(Orders))]
    public void SegmentsInAnyOrderAreDeliveredAsTheOriginalBytes(int[] order)
    {
        var r = NewReassembler();
        var c = new TcpTestConnection();
        Handshake(r, c);
        const string text = "SUBSCRIBE /evt HTTP/1.1\r\nHOST: a\r\n\r\n";
        var segments = Split(c.ClientData, text, 5, 9, 13);
        foreach (int i in order) r.OnSegment(c.FromClient(segments[i].Seq), segments[i].Data, _sink);

        Assert.Equal(text, _consumer.Text(1, ToServer));
        Assert.Empty(_sink.Anomalies);
        Assert.Equal(0, r.HeldBytes);
    }

    [Fact]
    public void RetransmittedAndPartlyRepeatedSegmentsAreDeliveredOnce()
    {
        var r = NewReassembler();
        var c = new TcpTestConnection();
        Handshake(r, c);
        r.OnSegment(c.FromClient(c.ClientData), B("abcdef"), _sink);
        r.OnSegment(c.FromClient(c.ClientData), B("abcdef"), _sink);
        r.OnSegment(c.FromClient(c.ClientData + 3), B("defghi"), _sink);
        r.OnSegment(c.FromClient(c.ClientData + 9), B("jk"), _sink);

        Assert.Equal("abcdefghijk", _consumer.Text(1, ToServer));
        Assert.Equal(9, r.Counters.RetransmittedBytes);
        Assert.Empty(_sink.Anomalies);
    }

    [Fact]
    public void AnOverlapWithDifferentBytesKeepsTheFirstBytesAndIsAnAnomaly()
    {
        var r = NewReassembler();
        var c = new TcpTestConnection();
        Handshake(r, c);
        // The later bytes arrive first and are queued; the overlapping segment disagrees with them.
        r.OnSegment(c.FromClient(c.ClientData + 4), B("EFGH"), _sink);
        r.OnSegment(c.FromClient(c.ClientData), B("abcdXXGH"), _sink);

        Assert.Equal("abcdEFGH", _consumer.Text(1, ToServer));
        var anomaly = Assert.Single(_sink.Anomalies);
        Assert.Equal(TcpAnomalyIds.ConflictingOverlap, anomaly.Id);
        Assert.Equal(1, r.Counters.ConflictingOverlaps);
    }

    [Fact]
    public void TwoQueuedSegmentsThatOverlapKeepTheFirstOneAndReportTheConflict()
    {
        var r = NewReassembler();
        var c = new TcpTestConnection();
        Handshake(r, c);
        r.OnSegment(c.FromClient(c.ClientData + 2), B("cdef"), _sink);
        r.OnSegment(c.FromClient(c.ClientData + 4), B("XXgh"), _sink);
        r.OnSegment(c.FromClient(c.ClientData), B("ab"), _sink);

        Assert.Equal("abcdefgh", _consumer.Text(1, ToServer));
        Assert.Equal(TcpAnomalyIds.ConflictingOverlap, Assert.Single(_sink.Anomalies).Id);
    }

    [Fact]
    public void ARetransmissionThatDiffersFromBytesStillHeldIsAnAnomaly()
    {
        var r = NewReassembler();
        _consumer.ConsumePolicy = RecordingConsumer.Policy.WholeLines;
        var c = new TcpTestConnection();
        Handshake(r, c);
        r.OnSegment(c.FromClient(c.ClientData), B("line one"), _sink);
        r.OnSegment(c.FromClient(c.ClientData), B("LINE one"), _sink);
        r.OnSegment(c.FromClient(c.ClientData + 8), B("\n"), _sink);

        Assert.Equal("line one\n", _consumer.Text(1, ToServer));
        Assert.Equal(TcpAnomalyIds.ConflictingOverlap, Assert.Single(_sink.Anomalies).Id);
    }

    [Fact]
    public void UnconsumedBytesAreOfferedAgainWithTheNextBytes()
    {
        var r = NewReassembler();
        _consumer.ConsumePolicy = RecordingConsumer.Policy.WholeLines;
        var c = new TcpTestConnection();
        Handshake(r, c);
        r.OnSegment(c.FromClient(c.ClientData), B("one\ntw"), _sink);
        r.OnSegment(c.FromClient(c.ClientData + 6), B("o\nthr"), _sink);
        r.OnSegment(c.FromClient(c.ClientData + 11), B("ee\n"), _sink);

        Assert.Equal("one\ntwo\nthree\n", _consumer.Text(1, ToServer));
        Assert.Equal([6, 7, 6], _consumer.OfferedLengths);
        Assert.Equal(0, r.HeldBytes);
    }

    [Fact]
    public void AHoleAcknowledgedByTheReceiverIsSkippedAsAGap()
    {
        var r = NewReassembler();
        var c = new TcpTestConnection();
        Handshake(r, c);
        r.OnSegment(c.FromClient(c.ClientData), B("abc"), _sink);
        r.OnSegment(c.FromClient(c.ClientData + 6), B("ghi"), _sink);
        Assert.Equal("abc", _consumer.Text(1, ToServer));

        r.OnSegment(c.FromServer(c.ServerData, TcpFlags.Ack, ack: c.ClientData + 9), default, _sink);

        Assert.Equal("abc|ghi", _consumer.Text(1, ToServer));
        Assert.Equal((1L, ToServer, 3L), Assert.Single(_consumer.Gaps));
        Assert.Equal(TcpAnomalyIds.Gap, Assert.Single(_sink.Anomalies).Id);
        Assert.Equal(3, r.Counters.GapBytes);
    }

    [Fact]
    public void FinEndsADirectionOnceItsBytesAreDeliveredAndBothFinsCloseTheStream()
    {
        var r = NewReassembler();
        var c = new TcpTestConnection();
        Handshake(r, c);
        r.OnSegment(c.FromClient(c.ClientData + 3, TcpFlags.Fin | TcpFlags.Ack), B("def"), _sink);
        Assert.Empty(_consumer.Ends);
        r.OnSegment(c.FromClient(c.ClientData), B("abc"), _sink);
        Assert.Equal([(1L, ToServer)], _consumer.Ends);

        r.OnSegment(c.FromServer(c.ServerData, TcpFlags.Fin | TcpFlags.Ack, ack: c.ClientData + 7), default, _sink);
        Assert.Equal(2, _consumer.Ends.Count);
        Assert.Equal([1L], _consumer.Closed);
        Assert.Equal("abcdef", _consumer.Text(1, ToServer));
    }

    [Fact]
    public void RstDeliversWhatIsQueuedAndClosesTheStream()
    {
        var r = NewReassembler();
        var c = new TcpTestConnection();
        Handshake(r, c);
        r.OnSegment(c.FromClient(c.ClientData + 4), B("tail"), _sink);
        r.OnSegment(c.FromServer(c.ServerData, TcpFlags.Rst), default, _sink);

        Assert.Equal("|tail", _consumer.Text(1, ToServer));
        Assert.Equal([1L], _consumer.Closed);
        Assert.Equal(2, _consumer.Ends.Count);
        Assert.Equal(0, r.HeldBytes);
    }

    [Theory]
    [InlineData(0xFFFFFFF0u)]
    [InlineData(0xFFFFFFFFu)]
    [InlineData(0xFFFFFFFEu)]
    public void SequenceNumbersWrapAroundZero(uint isn)
    {
        var r = NewReassembler();
        var c = new TcpTestConnection(clientIsn: isn);
        Handshake(r, c);
        const string text = "0123456789abcdefghijklmnopqrstuvwxyz";
        var segments = Split(c.ClientData, text, 7, 7, 7, 7);
        foreach (int i in new[] { 2, 0, 4, 1, 3 }) r.OnSegment(c.FromClient(segments[i].Seq), segments[i].Data, _sink);

        Assert.Equal(text, _consumer.Text(1, ToServer));
        Assert.Empty(_sink.Anomalies);
    }

    [Fact]
    public void AConnectionPickedUpInTheMiddleStartsAtItsFirstSegment()
    {
        var r = NewReassembler();
        var c = new TcpTestConnection();
        r.OnSegment(c.FromServer(c.ServerData + 100), B("rest of a body"), _sink);
        r.OnSegment(c.FromServer(c.ServerData + 114), B("HTTP/1.1 200 OK"), _sink);

        Assert.Equal("rest of a bodyHTTP/1.1 200 OK", _consumer.Text(1, ToServer));
        Assert.All(_consumer.MidStream, m => Assert.True(m));
    }

    [Fact]
    public void DataOnASynAckPickupIsPlacedByTheAcknowledgedSequence()
    {
        var r = NewReassembler();
        var c = new TcpTestConnection();
        r.OnSegment(c.SynAck(), default, _sink);
        r.OnSegment(c.FromClient(c.ClientData + 3), B("def"), _sink);
        r.OnSegment(c.FromClient(c.ClientData), B("abc"), _sink);

        Assert.Equal("abcdef", _consumer.Text(1, StreamDirection.FromOriginator));
        Assert.All(_consumer.MidStream, m => Assert.False(m));
    }

    [Fact]
    public void AnIgnoredStreamKeepsNoBytesAndAllocatesNothingPerSegment()
    {
        var r = NewReassembler();
        _consumer.ConsumePolicy = RecordingConsumer.Policy.IgnoreUnlessHello;
        var c = new TcpTestConnection();
        Handshake(r, c);
        var payload = new byte[1400];
        r.OnSegment(c.FromClient(c.ClientData), payload, _sink);
        Assert.Equal(0, r.HeldBytes);

        var packets = new PacketInfo[200];
        for (int i = 0; i < packets.Length; i++)
            packets[i] = i % 2 == 0 ? c.FromClient((uint)(c.ClientData + 1400 * (i + 1))) : c.FromServer(c.ServerData);
        r.OnSegment(packets[0], payload, _sink);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 1; i < packets.Length; i++) r.OnSegment(packets[i], payload, _sink);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(0, r.HeldBytes);
        Assert.Single(_consumer.OfferedLengths);
    }

    [Fact]
    public void TheUnconsumedBytesCapDropsTheBytesAndReportsIt()
    {
        var r = NewReassembler(new TcpReassemblyLimits { MaxPendingBytesPerDirection = 10 });
        _consumer.ConsumePolicy = RecordingConsumer.Policy.Nothing;
        var c = new TcpTestConnection();
        Handshake(r, c);
        r.OnSegment(c.FromClient(c.ClientData), B("0123456"), _sink);
        r.OnSegment(c.FromClient(c.ClientData + 7), B("789ab"), _sink);

        Assert.Equal(12, r.Counters.BytesDroppedStreamCap);
        Assert.Equal(TcpAnomalyIds.StreamCap, Assert.Single(_sink.Anomalies).Id);
        Assert.Equal(0, r.HeldBytes);
    }

    [Fact]
    public void TheOutOfOrderCapGivesUpTheHole()
    {
        var r = NewReassembler(new TcpReassemblyLimits { MaxOutOfOrderSegmentsPerDirection = 2 });
        var c = new TcpTestConnection();
        Handshake(r, c);
        r.OnSegment(c.FromClient(c.ClientData + 2), B("cd"), _sink);
        r.OnSegment(c.FromClient(c.ClientData + 4), B("ef"), _sink);
        Assert.Equal("", _consumer.Text(1, ToServer));
        r.OnSegment(c.FromClient(c.ClientData + 8), B("ij"), _sink);

        Assert.Equal("|cdef", _consumer.Text(1, ToServer));
        Assert.Equal(TcpAnomalyIds.Gap, Assert.Single(_sink.Anomalies).Id);
        Assert.Equal(2, r.HeldBytes);
    }

    [Fact]
    public void TheGlobalCapEvictsTheLeastRecentlyActiveStream()
    {
        var r = NewReassembler(new TcpReassemblyLimits { MaxTotalBytes = 10 });
        var a = new TcpTestConnection(clientPort: 40001);
        var b = new TcpTestConnection(clientPort: 40002);
        Handshake(r, a);
        Handshake(r, b);
        r.OnSegment(a.FromClient(a.ClientData + 1), B("123456"), _sink);
        r.OnSegment(b.FromClient(b.ClientData + 1), B("abcdef"), _sink);

        Assert.Equal(6, r.HeldBytes);
        Assert.Equal(1, r.Counters.StreamsEvictedForMemory);
        Assert.Equal(6, r.Counters.BytesDroppedGlobalCap);
        Assert.Equal(TcpAnomalyIds.GlobalCap, Assert.Single(_sink.Anomalies).Id);
        Assert.Equal([1L], _consumer.Closed);
    }

    [Fact]
    public void TheStreamTableCapEvictsTheOldestStream()
    {
        var r = NewReassembler(new TcpReassemblyLimits { MaxStreams = 3 });
        for (ushort port = 40000; port < 40005; port++)
        {
            var c = new TcpTestConnection(clientPort: port);
            r.OnSegment(c.Syn(), default, _sink);
        }
        Assert.Equal(3, r.StreamCount);
        Assert.Equal(2, r.Counters.StreamsEvicted);
        Assert.Equal([1L, 2L], _consumer.Closed);
    }

    [Fact]
    public void IdleStreamsAreFlushedAndForgottenOnExpiry()
    {
        var r = NewReassembler(new TcpReassemblyLimits { IdleTimeoutUs = 1_000_000 });
        var c = new TcpTestConnection();
        Handshake(r, c);
        r.OnSegment(c.FromClient(c.ClientData + 3), B("def"), _sink);
        r.Expire(c.TimeUs + 2_000_000, _sink);

        Assert.Equal("|def", _consumer.Text(1, ToServer));
        Assert.Equal(0, r.StreamCount);
        Assert.Equal(1, r.Counters.StreamsExpired);
        Assert.Equal(0, r.HeldBytes);
    }

    [Fact]
    public void ASynWithANewIsnOnAClosedStreamStartsANewConnection()
    {
        var r = NewReassembler();
        var c = new TcpTestConnection();
        Handshake(r, c);
        r.OnSegment(c.FromClient(c.ClientData), B("first"), _sink);
        r.OnSegment(c.FromClient(c.ClientData + 5, TcpFlags.Rst), default, _sink);
        var again = new TcpTestConnection(clientIsn: 90000);
        Handshake(r, again);
        r.OnSegment(again.FromClient(again.ClientData), B("second"), _sink);

        Assert.Equal("first", _consumer.Text(1, ToServer));
        Assert.Equal("second", _consumer.Text(2, ToServer));
    }

    [Fact]
    public void FinishDeliversQueuedBytesAcrossHolesAndReleasesEverything()
    {
        var r = NewReassembler();
        var c = new TcpTestConnection();
        Handshake(r, c);
        r.OnSegment(c.FromClient(c.ClientData), B("ab"), _sink);
        r.OnSegment(c.FromClient(c.ClientData + 4), B("ef"), _sink);
        r.OnSegment(c.FromClient(c.ClientData + 8), B("ij"), _sink);
        r.Finish(c.TimeUs, _sink);

        Assert.Equal("ab|ef|ij", _consumer.Text(1, ToServer));
        Assert.Equal(0, r.StreamCount);
        Assert.Equal(0, r.HeldBytes);
        Assert.Equal(2, _consumer.Ends.Count);
    }

    [Fact]
    public void LateRetransmissionsOfAClosedConnectionAreNotReadAgain()
    {
        var r = NewReassembler();
        var c = new TcpTestConnection();
        Handshake(r, c);
        r.OnSegment(c.FromClient(c.ClientData, TcpFlags.Ack | TcpFlags.Fin), B("abc"), _sink);
        r.OnSegment(c.FromServer(c.ServerData, TcpFlags.Ack | TcpFlags.Fin, ack: c.ClientData + 4), default, _sink);
        r.OnSegment(c.FromClient(c.ClientData, TcpFlags.Ack | TcpFlags.Fin), B("abc"), _sink);

        Assert.Equal("abc", _consumer.Text(1, ToServer));
        Assert.Single(_consumer.Closed);
    }
}
