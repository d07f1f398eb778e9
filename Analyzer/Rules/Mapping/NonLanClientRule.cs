using Analyzer.Events;

namespace Analyzer.Rules.Mapping;

/// <summary>
/// THREATS.md <c>igd-map-nonlan-client</c> (UPnProxy): a mapping whose internal client is outside the LAN, which
/// turns the router into a proxy toward a third party. Invalid by the IGD specification. A PCP THIRD_PARTY request
/// is <see cref="PcpThirdPartyRule"/>'s.
/// </summary>
public sealed class NonLanClientRule : IRule, IMappingRule
{
    public static readonly RuleInfo Rule = new("igd-map-nonlan-client", AlertCategory.PortmapAbuse, Severity.Critical,
        "A port mapping whose internal client is outside the LAN (UPnProxy: the router proxies to a third party)");

    public RuleInfo Info => Rule;

    public void OnEvent(AnalyzerEvent analyzerEvent, RuleContext context) { }

    public void OnMapping(MappingRecord m, RuleContext context)
    {
        var r = m.Request;
        if (!r.Creates || r.ThirdParty is not null || r.InternalClient is not { } client || !context.Network.IsForeign(client)) return;
        // A host outside mapping for itself (NAT-PMP, PCP from the WAN) is natpmp-from-wan's.
        if (client == r.Requester) return;
        context.Raise(Rule, r.Packet, MappingText.Protocol(r),
            $"{MappingText.Describe(r)} by {r.Requester}: internal client {client} is outside the LAN; {MappingText.Outcome(m)}",
            MappingText.Judge(Rule.Severity, m));
    }
}
