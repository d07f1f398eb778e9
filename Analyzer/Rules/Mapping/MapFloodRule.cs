using Analyzer.Decoding;
using Analyzer.Events;
using Analyzer.Rules.Text;

namespace Analyzer.Rules.Mapping;

/// <summary>
/// THREATS.md <c>igd-map-flood</c> (and the burst part of <c>natpmp-map-abuse-lan</c>): one host asks for many
/// distinct mappings (transport, external port) within a minute, by IGD, NAT-PMP or PCP: table exhaustion, an
/// AddAnyPortMapping loop, or injection sprays. Renewals of the same mapping do not count, so P2P clients that
/// refresh their few mappings never fire. One alert per host and window.
/// </summary>
public sealed class MapFloodRule : IRule, IMappingRule
{
    public static readonly RuleInfo Rule = new("igd-map-flood", AlertCategory.PortmapAbuse, Severity.Medium,
        "One host asks for 30+ distinct port mappings within 60 s (IGD, NAT-PMP or PCP): table exhaustion or injection spray");

    /// <summary>Requesters tracked at once.</summary>
    public const int MaxRequesters = 1024;

    private sealed class Requester(int capacity)
    {
        public readonly DistinctWindow<(string Transport, int Port, string? Client)> Mappings = new(capacity);
        public long MutedUntil = long.MinValue;
    }

    private readonly BoundedTable<NetAddress, Requester> _requesters = new(MaxRequesters);

    public RuleInfo Info => Rule;

    public void OnEvent(AnalyzerEvent analyzerEvent, RuleContext context) { }

    public void OnMapping(MappingRecord m, RuleContext context)
    {
        var r = m.Request;
        if (!r.Creates) return;
        var t = context.Thresholds;
        var requester = _requesters.GetOrAdd(r.Requester, () => new Requester(t.MapFloodMappings + 1));
        // AddAnyPortMapping lets the gateway choose: the granted port tells mappings apart. A request without any
        // external port (PCP "any") is told apart by its internal endpoint.
        int port = m.Outcome.ExternalPort ?? r.ExternalPort ?? 0;
        string? client = port == 0 ? $"{r.InternalClient}:{r.InternalPort}" : null;
        int count = requester.Mappings.Add((r.Transport, port, client), r.Packet.TimestampUs, t.MapFloodWindowUs);
        if (count < t.MapFloodMappings || r.Packet.TimestampUs < requester.MutedUntil) return;
        requester.MutedUntil = r.Packet.TimestampUs + t.MapFloodWindowUs;
        context.Raise(Rule, r.Packet, MappingText.Protocol(r),
            $"{r.Requester} asked for {count} distinct mappings within {Evidence.Seconds(t.MapFloodWindowUs)} (latest: {MappingText.Describe(r)}; {MappingText.Outcome(m)})");
    }
}
