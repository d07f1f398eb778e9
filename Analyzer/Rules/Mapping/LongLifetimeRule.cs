using Analyzer.Events;
using Analyzer.Rules.Text;

namespace Analyzer.Rules.Mapping;

/// <summary>
/// THREATS.md <c>natpmp-map-abuse-lan</c>: a NAT-PMP or PCP mapping asked for a day or more (up to 2^32-1, which
/// never expires). Apple devices and torrent clients ask for one or two hours and renew; malware keeping an inbound
/// port open asks once for a long time. Sensitive ports and bursts are judged by the port and flood rules for every
/// protocol. Deleting mappings the host did not make is not judged: a passive sensor started after the mapping was
/// made cannot know who made it, and a NAT-PMP gateway only ever deletes the sender's own.
/// </summary>
public sealed class LongLifetimeRule : IRule, IMappingRule
{
    public static readonly RuleInfo Rule = new("natpmp-map-abuse-lan", AlertCategory.PortmapAbuse, Severity.Medium,
        "A NAT-PMP/PCP mapping asked for a lifetime of a day or more (2^32-1: never expires)");

    public RuleInfo Info => Rule;

    public void OnEvent(AnalyzerEvent analyzerEvent, RuleContext context) { }

    public void OnMapping(MappingRecord m, RuleContext context)
    {
        var r = m.Request;
        if (r.Method == MappingMethod.Igd || !r.Creates || r.LeaseSeconds is not { } lease) return;
        long limit = context.Thresholds.NatpmpLongLifetimeSeconds;
        if (lease < limit) return;
        var how = lease == uint.MaxValue ? "a lifetime that never expires" : $"a lifetime of {Evidence.Number(lease)} s (limit {Evidence.Number(limit)} s)";
        context.Raise(Rule, r.Packet, MappingText.Protocol(r),
            $"{MappingText.Describe(r)} by {r.Requester} asks {how}; {MappingText.Outcome(m)}",
            MappingText.Judge(Rule.Severity, m));
    }
}
