using Analyzer.Decoding;
using Analyzer.Decoding.Link;
using Analyzer.Events;

namespace Analyzer.Tests.Fuzzing;

/// <summary>
/// A UDP protocol: mutated payloads of its seeds go to a fresh analyzer (several per case, between random LAN and
/// WAN addresses, in both directions of the well-known port) and to its parser called directly.
/// </summary>
public sealed class DatagramTarget(
    string name, string description, IReadOnlyList<byte[]> seeds, ushort[] ports,
    Func<IDatagramAnalyzer> createAnalyzer, Action<byte[], PacketInfo> parseDirectly, Action<IDatagramAnalyzer>? checkState = null) : FuzzTarget
{
    /// <summary>Longest datagram built (the biggest IPv4 UDP payload is 65,507 bytes).</summary>
    public const int MaxDatagramBytes = 16 * 1024;

    /// <summary>Events decoded over all cases: proof that the mutated input still reaches the decoders.</summary>
    public long EventsSeen { get; private set; }

    public override string Name => name;
    public override string Description => description;

    public override void RunCase(Random rng, FuzzCase fuzzCase)
    {
        var analyzer = createAnalyzer();
        var sink = new EventList();
        int count = 1 + rng.Next(6);
        long time = 1_700_000_000_000_000;
        for (int i = 0; i < count; i++)
        {
            var seed = Pick(rng, seeds);
            var payload = rng.Next(8) == 0 ? seed : Mutator.Mutate(rng, seed, seeds, MaxDatagramBytes);
            var (src, dst) = FuzzFrames.PickPair(rng);
            ushort port = Pick(rng, ports);
            ushort other = (ushort)rng.Next(1024, 65536);
            bool toPort = rng.Next(3) != 0;
            time += rng.Next(3_000_000);
            var packet = new PacketInfo
            {
                TimestampUs = time, Src = src, Dst = dst, Transport = Transport.Udp, FrameNumber = i + 1,
                SrcPort = toPort ? other : port, DstPort = toPort ? port : other,
            };
            fuzzCase.SetInput(payload);
            fuzzCase.AddFrame(LinkType.Ethernet, time, FuzzFrames.Udp(src, dst, packet.SrcPort, packet.DstPort, payload));
            if (analyzer.Wants(packet, payload)) analyzer.OnDatagram(packet, payload, sink);
            parseDirectly(payload, packet);
            checkState?.Invoke(analyzer);
        }
        foreach (var e in sink.Events) Touch(e);
        EventsSeen += sink.Events.Count;
    }

    /// <summary>Renders an event's fields as the writers do, so lazy field code runs on hostile values too.</summary>
    internal static void Touch(AnalyzerEvent e)
    {
        foreach (var (key, value) in e.Fields())
            if (key is null || value is null) throw new FuzzPropertyException($"{e.Protocol} {e.Message}: a field with a null name or value");
    }
}
