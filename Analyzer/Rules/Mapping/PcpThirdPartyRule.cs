using Analyzer.Events;

namespace Analyzer.Rules.Mapping;

/// <summary>
/// THREATS.md <c>pcp-third-party</c>: a PCP MAP/PEER request with a THIRD_PARTY option naming another host than the
/// sender (a request to map someone else; only CGN proxies, which homes do not have, use it), or a FILTER with
/// prefix length 0 (every remote peer allowed). A refusal (NOT_AUTHORIZED, UNSUPP_OPTION) lowers the severity.
/// </summary>
public sealed class PcpThirdPartyRule : IRule, IMappingRule
{
    public static readonly RuleInfo Rule = new("pcp-third-party", AlertCategory.PortmapAbuse, Severity.High,
        "A PCP request with a THIRD_PARTY option for another host, or a FILTER with prefix length 0");

    public RuleInfo Info => Rule;

    public void OnEvent(AnalyzerEvent analyzerEvent, RuleContext context) { }

    public void OnMapping(MappingRecord m, RuleContext context)
    {
        var r = m.Request;
        if (r.Method != MappingMethod.Pcp) return;
        if (r.ThirdParty is { } third && third != r.Requester)
        {
            context.Raise(Rule, r.Packet, ProtocolNames.Pcp,
                $"{MappingText.Describe(r)} by {r.Requester} asks a mapping for {third}{(context.Network.IsForeign(third) ? ", outside the LAN" : "")}; {MappingText.Outcome(m)}",
                MappingText.Judge(Rule.Severity, m));
        }
        else if (r.FilterPrefixLength == 0)
        {
            context.Raise(Rule, r.Packet, ProtocolNames.Pcp,
                $"{MappingText.Describe(r)} by {r.Requester} carries a FILTER with prefix length 0 (every remote peer allowed); {MappingText.Outcome(m)}",
                MappingText.Judge(Severity.Medium, m));
        }
    }
}
