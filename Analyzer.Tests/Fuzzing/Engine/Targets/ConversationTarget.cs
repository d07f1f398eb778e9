using Analyzer.Decoding;
using Analyzer.Decoding.Http;
using Analyzer.Decoding.HttpFamily;
using Analyzer.Decoding.Link;
using Analyzer.Events;
using Analyzer.Reassembly;

namespace Analyzer.Tests.Fuzzing;

/// <summary>
/// An HTTP-borne protocol (SOAP, GENA, DIAL, Cast, descriptions, or all of HTTP): request and response streams of
/// its seed conversations, now and then re-framed as chunked (<see cref="HttpRechunker"/>), mutated, cut into
/// hostile segment orders (<see cref="TcpSegmentPlan"/>), go through a fresh <see cref="HttpStreamAnalyzer"/>
/// (reassembler, HTTP framing, the decoders); mutated bodies also go to the body parser directly. After every segment the reassembler's held bytes and connections stay within their caps.
/// </summary>
public sealed class ConversationTarget(
    string name, string description, IReadOnlyList<TcpConversation> conversations, IReadOnlyList<byte[]> bodies,
    Action<byte[]>? parseBody) : FuzzTarget
{
    /// <summary>Longest direction of a mutated conversation.</summary>
    public const int MaxStreamBytes = 64 * 1024;

    private readonly byte[][] _streams = [.. conversations.SelectMany(c => new[] { c.Client.ToArray(), c.Server.ToArray() })];

    /// <summary>Events decoded over all cases: proof that the mutated input still reaches the decoders.</summary>
    public long EventsSeen { get; private set; }

    public override string Name => name;
    public override string Description => description;

    public override void RunCase(Random rng, FuzzCase fuzzCase)
    {
        // Small limits now and then, so that every cap is reached by ordinary seeds.
        var limits = rng.Next(4) == 0
            ? new HttpStreamLimits
            {
                MaxBodyBytes = 1 + rng.Next(2048),
                MaxPendingRequests = 1 + rng.Next(4),
                ResyncBudgetBytes = rng.Next(4096),
                Reassembly = new() { MaxStreams = 1 + rng.Next(3), MaxTotalBytes = 4096 + rng.Next(65536), MaxOutOfOrderSegmentsPerDirection = 1 + rng.Next(8),
                    MaxOutOfOrderBytesPerDirection = 1 + rng.Next(8192), MaxPendingBytesPerDirection = 64 + rng.Next(8192) },
            }
            : new HttpStreamLimits();
        // As the pipeline runs it: the reassembler hands each connection to the HTTP-family analyzer.
        var analyzer = new TcpReassembler(new TcpAnalyzerRegistry([new HttpStreamAnalyzer(limits)]), limits.Reassembly);
        var sink = new EventList();
        long time = 1_700_000_000_000_000;
        int count = 1 + rng.Next(3);
        var segments = new List<TcpSegment>();
        for (int k = 0; k < count; k++)
        {
            var conversation = Pick(rng, conversations);
            var request = MaybeMutate(rng, MaybeRechunk(rng, conversation.Client.ToArray()));
            var response = MaybeMutate(rng, MaybeRechunk(rng, conversation.Server.ToArray()));
            var (client, server) = FuzzFrames.PickPair(rng);
            ushort clientPort = (ushort)(40000 + rng.Next(4));
            ushort serverPort = rng.Next(4) == 0 ? (ushort)rng.Next(1, 65536) : conversation.ServerPort;
            var plan = TcpSegmentPlan.Build(rng, client, server, clientPort, serverPort, request, response, hostile: rng.Next(2) == 0, ref time);
            // Conversations of one case overlap in time, as they do on a busy LAN.
            if (segments.Count > 0 && rng.Next(2) == 0) segments = Interleave(rng, segments, plan);
            else segments.AddRange(plan);
            fuzzCase.SetInput(request);
        }
        foreach (var seg in segments) fuzzCase.AddFrame(LinkType.Ethernet, () => (seg.Packet.TimestampUs, FuzzFrames.Tcp(seg.Packet, seg.Payload)));

        foreach (var seg in segments)
        {
            analyzer.OnSegment(seg.Packet, seg.Payload, sink);
            CheckCaps(analyzer, limits);
        }
        if (rng.Next(2) == 0) analyzer.Expire(time + 10_000_000_000, sink);
        analyzer.Finish(time, sink);
        CheckCaps(analyzer, limits);
        foreach (var e in sink.Events) DatagramTarget.Touch(e);
        EventsSeen += sink.Events.Count;

        if (parseBody is not null && bodies.Count > 0)
            for (int k = 0; k < 3; k++)
            {
                var body = Mutator.Mutate(rng, Pick(rng, bodies), bodies, MaxStreamBytes);
                fuzzCase.SetInput(body);
                parseBody(body);
            }
    }

    private static byte[] MaybeRechunk(Random rng, byte[] stream) => rng.Next(4) == 0 ? HttpRechunker.Rechunk(rng, stream) : stream;

    private byte[] MaybeMutate(Random rng, byte[] stream) =>
        rng.Next(4) == 0 ? stream : Mutator.Mutate(rng, stream, _streams, MaxStreamBytes);

    private static List<TcpSegment> Interleave(Random rng, List<TcpSegment> a, List<TcpSegment> b)
    {
        var merged = new List<TcpSegment>(a.Count + b.Count);
        int i = 0, j = 0;
        while (i < a.Count || j < b.Count)
            merged.Add(j >= b.Count || (i < a.Count && rng.Next(2) == 0) ? a[i++] : b[j++]);
        // Time must not run backwards inside one connection; the merged order keeps each list's order.
        return merged;
    }

    private static void CheckCaps(TcpReassembler analyzer, HttpStreamLimits http)
    {
        var limits = http.Reassembly;
        if (analyzer.HeldBytes > limits.MaxTotalBytes)
            throw new FuzzPropertyException($"held {analyzer.HeldBytes} bytes, cap {limits.MaxTotalBytes}");
        if (analyzer.HeldBytes < 0) throw new FuzzPropertyException($"held bytes negative: {analyzer.HeldBytes}");
        if (analyzer.StreamCount > limits.MaxStreams)
            throw new FuzzPropertyException($"{analyzer.StreamCount} connections, cap {limits.MaxStreams}");
    }
}
