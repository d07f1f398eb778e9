using Analyzer.Decoding.Http;
using Analyzer.Events;

namespace Analyzer.Decoding.Ssdp;

/// <summary>
/// The SSDP analyzer: every UDP datagram to or from port 1900, and search replies from any port to an endpoint
/// that sent an M-SEARCH within its reply window. Emits one <see cref="SsdpMessage"/> per M-SEARCH, NOTIFY or
/// response, and a <see cref="DecodeAnomaly"/> (ids in <see cref="SsdpAnomalyIds"/>) for everything else it was
/// given. SSDP-looking text over TCP or on other UDP ports (Plex GDM on 32412, an upload body) is not SSDP.
/// </summary>
public sealed class SsdpAnalyzer : IDatagramAnalyzer
{
    public const ushort Port = 1900;

    /// <summary>M-SEARCH senders remembered for their replies; the least recent is forgotten first.</summary>
    public const int MaxTrackedSearchers = 1024;

    /// <summary>
    /// MX caps the seconds a device may wait before it answers. UDA 1.0 allows up to 120, UDA 1.1+ asks devices to
    /// treat anything above 5 as 5; a missing or unreadable MX (allowed for unicast searches) gets the UDA 1.1 cap.
    /// </summary>
    public const int MaxMxSeconds = 120;
    public const int DefaultMxSeconds = 5;

    /// <summary>Added to MX for network and scheduling delay.</summary>
    public const int ReplyMarginSeconds = 5;

    private const long MicrosecondsPerSecond = 1_000_000;

    private readonly HttpHead _head = new();
    private readonly SsdpSearcherTable _searchers = new(MaxTrackedSearchers);

    /// <summary>Endpoints currently remembered as waiting for search replies.</summary>
    public int TrackedSearchers => _searchers.Count;

    public bool Wants(in PacketInfo packet, ReadOnlySpan<byte> payload) =>
        packet.Transport == Transport.Udp
        && (packet.SrcPort == Port || packet.DstPort == Port
            || (payload.StartsWith("HTTP/"u8)
                && _searchers.IsAwaitingReply(packet.Dst, packet.DstPort, packet.TimestampUs)));

    public void OnDatagram(in PacketInfo packet, ReadOnlySpan<byte> payload, IEventSink sink)
    {
        switch (SsdpParser.Parse(packet, payload, _head, out var message, out var anomaly))
        {
            case ParseStatus.Ok:
                if (message!.Kind == SsdpKind.MSearch) RememberSearcher(packet, message);
                sink.OnEvent(message);
                break;
            case ParseStatus.Invalid:
                sink.OnAnomaly(anomaly!);
                break;
            default:
                // A datagram never continues: an unterminated head is reported, not waited for.
                sink.OnAnomaly(SsdpParser.DescribeUnterminated(packet, payload));
                break;
        }
    }

    private void RememberSearcher(in PacketInfo packet, SsdpMessage search)
    {
        int mx = Math.Clamp(search.MxSeconds ?? DefaultMxSeconds, 0, MaxMxSeconds);
        long deadline = packet.TimestampUs + (mx + ReplyMarginSeconds) * MicrosecondsPerSecond;
        _searchers.Record(packet.Src, packet.SrcPort, packet.TimestampUs, deadline);
    }
}
