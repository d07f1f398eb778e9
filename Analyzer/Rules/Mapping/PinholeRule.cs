using Analyzer.Events;
using Analyzer.Rules.Text;

namespace Analyzer.Rules.Mapping;

/// <summary>
/// THREATS.md <c>igd-pinhole-abuse</c>: an IGD WANIPv6FirewallControl AddPinhole or UpdatePinhole that opens inbound
/// IPv6 to a LAN host on a sensitive port, or for a day or more. IPv6 games and VoIP open high ports for short
/// leases. Windows sharing and Cast ports are judged by their own rules, as for port mappings.
/// </summary>
public sealed class PinholeRule : IRule, IMappingRule
{
    public static readonly RuleInfo Rule = new("igd-pinhole-abuse", AlertCategory.PortmapAbuse, Severity.Medium,
        "An IGD IPv6 firewall pinhole to a sensitive port, or with a lease of a day or more");

    public RuleInfo Info => Rule;

    public void OnEvent(AnalyzerEvent analyzerEvent, RuleContext context) { }

    public void OnMapping(MappingRecord m, RuleContext context)
    {
        var r = m.Request;
        if (!r.IsPinhole || !r.Creates || PortClasses.IsWindowsSharing(r.InternalPort) || PortClasses.IsCast(r.InternalPort)) return;
        bool sensitive = r.InternalPort is { } port && context.Network.SensitivePorts.Contains(port);
        long limit = context.Thresholds.NatpmpLongLifetimeSeconds;
        bool longLease = r.LeaseSeconds is { } lease && lease >= limit;
        if (!sensitive && !longLease) return;
        var why = sensitive ? $"sensitive port {r.InternalPort}" : $"a lease of {Evidence.Number(r.LeaseSeconds!.Value)} s (limit {Evidence.Number(limit)} s)";
        context.Raise(Rule, r.Packet, ProtocolNames.Soap,
            $"{MappingText.Describe(r)} by {r.Requester} opens inbound IPv6 with {why}; {MappingText.Outcome(m)}",
            MappingText.Judge(sensitive && longLease ? Severity.High : Rule.Severity, m));
    }
}
