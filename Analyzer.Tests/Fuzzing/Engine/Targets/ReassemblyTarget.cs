using Analyzer.Decoding;
using Analyzer.Decoding.Link;
using Analyzer.Events;
using Analyzer.Reassembly;

namespace Analyzer.Tests.Fuzzing;

/// <summary>
/// The TCP reassembler on its own, with a consumer that consumes a random share of what it is offered (the
/// consumed/examined contract). Benign disorder (reordering, retransmissions, overlapping re-cuts of the same bytes)
/// must deliver exactly the bytes that were sent, in order, whenever no cap dropped anything; hostile disorder (loss,
/// conflicting overlaps, wild sequence numbers, stray flags, idle jumps) must stay within the caps.
/// </summary>
public sealed class ReassemblyTarget(IReadOnlyList<TcpConversation> conversations) : FuzzTarget
{
    /// <summary>Cases whose delivered bytes were compared with the bytes sent (benign disorder, nothing dropped).</summary>
    public long Compared { get; private set; }

    public override string Name => "reassembly";
    public override string Description => "TcpReassembler: seed conversations cut into reordered, repeated, overlapping, lost and corrupted segments";

    public override void RunCase(Random rng, FuzzCase fuzzCase)
    {
        var consumer = new RecordingConsumer(rng);
        var limits = rng.Next(3) == 0
            ? new TcpReassemblyLimits { MaxOutOfOrderSegmentsPerDirection = 1 + rng.Next(16), MaxOutOfOrderBytesPerDirection = 1 + rng.Next(16384),
                MaxTotalBytes = 1024 + rng.Next(65536), MaxPendingBytesPerDirection = 1 + rng.Next(16384), MaxStreams = 1 + rng.Next(4) }
            : new TcpReassemblyLimits();
        var reassembler = new TcpReassembler(consumer, limits);
        var sink = new EventList();
        var conversation = Pick(rng, conversations);
        bool hostile = rng.Next(2) == 0;
        long time = 1_700_000_000_000_000;
        var (client, server) = FuzzFrames.PickPair(rng);
        var request = conversation.Client.ToArray();
        var response = conversation.Server.ToArray();
        var segments = TcpSegmentPlan.Build(rng, client, server, 40000, conversation.ServerPort, request, response, hostile, ref time);
        fuzzCase.SetInput(request);
        foreach (var seg in segments) fuzzCase.AddFrame(LinkType.Ethernet, () => (seg.Packet.TimestampUs, FuzzFrames.Tcp(seg.Packet, seg.Payload)));

        foreach (var seg in segments)
        {
            reassembler.OnSegment(seg.Packet, seg.Payload, sink);
            if (reassembler.HeldBytes > limits.MaxTotalBytes || reassembler.HeldBytes < 0)
                throw new FuzzPropertyException($"held {reassembler.HeldBytes} bytes, cap {limits.MaxTotalBytes}");
            if (reassembler.StreamCount > limits.MaxStreams)
                throw new FuzzPropertyException($"{reassembler.StreamCount} connections, cap {limits.MaxStreams}");
        }
        reassembler.Finish(time, sink);
        if (reassembler.HeldBytes != 0) throw new FuzzPropertyException($"{reassembler.HeldBytes} bytes still held after Finish");

        var c = reassembler.Counters;
        bool lossless = c.BytesDroppedStreamCap == 0 && c.BytesDroppedGlobalCap == 0 && c.Gaps == 0 && c.StreamsEvicted == 0
            && c.StreamsEvictedForMemory == 0 && c.StreamsExpired == 0 && c.SegmentsOutOfWindow == 0;
        if (hostile || !lossless) return;
        Compared++;
        Expect(consumer, StreamDirection.FromOriginator, request);
        Expect(consumer, StreamDirection.FromResponder, response);
    }

    private static void Expect(RecordingConsumer consumer, StreamDirection direction, byte[] sent)
    {
        var got = consumer.Delivered(direction);
        if (!got.AsSpan().SequenceEqual(sent))
            throw new FuzzPropertyException($"{direction}: delivered {got.Length} bytes differ from the {sent.Length} sent"
                + $" (first difference at {got.AsSpan().CommonPrefixLength(sent)})");
    }

    /// <summary>Consumes a random share of each offer and records the consumed bytes; the rest is offered again.</summary>
    private sealed class RecordingConsumer(Random rng) : ITcpStreamConsumer
    {
        private readonly Dictionary<StreamDirection, MemoryStream> _consumed = [];
        private readonly Dictionary<StreamDirection, byte[]> _lastOffer = [];

        public byte[] Delivered(StreamDirection direction)
        {
            var consumed = _consumed.TryGetValue(direction, out var m) ? m.ToArray() : [];
            return [.. consumed, .. _lastOffer.GetValueOrDefault(direction, [])];
        }

        public int OnData(TcpStream stream, StreamDirection direction, ReadOnlySpan<byte> data, in PacketInfo packet, IEventSink sink)
        {
            int take = rng.Next(3) == 0 ? rng.Next(data.Length + 1) : data.Length;
            if (!_consumed.TryGetValue(direction, out var m)) _consumed[direction] = m = new MemoryStream();
            m.Write(data[..take]);
            _lastOffer[direction] = data[take..].ToArray();
            return take;
        }

        public void OnGap(TcpStream stream, StreamDirection direction, long missingBytes, in PacketInfo packet, IEventSink sink) =>
            _lastOffer.Remove(direction);

        public void OnEnd(TcpStream stream, StreamDirection direction, in PacketInfo packet, IEventSink sink) { }

        public void OnClosed(TcpStream stream) { }
    }
}
