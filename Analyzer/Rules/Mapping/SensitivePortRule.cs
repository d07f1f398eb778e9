using Analyzer.Events;

namespace Analyzer.Rules.Mapping;

/// <summary>
/// THREATS.md <c>igd-map-sensitive-port</c>: a mapping of a sensitive internal port (remote shells, web admin,
/// databases, remote desktop, UPnP itself, TR-069, IoT exploit ports; <see cref="NetworkContext.SensitivePorts"/>)
/// or of a well-known external port below 1024. High when the lease is permanent, medium otherwise. Windows sharing
/// and Cast ports have their own rules, as have IPv6 firewall pinholes (<see cref="PinholeRule"/>). Games, VoIP and
/// torrents map high ports and never fire.
/// </summary>
public sealed class SensitivePortRule : IRule, IMappingRule
{
    public static readonly RuleInfo Rule = new("igd-map-sensitive-port", AlertCategory.PortmapAbuse, Severity.Medium,
        "A port mapping of a sensitive internal port (22, 23, 80, 3389, 5900, 7547, 37215…) or an external port below 1024; high if permanent");

    public const int WellKnownPortLimit = 1024;

    public RuleInfo Info => Rule;

    public void OnEvent(AnalyzerEvent analyzerEvent, RuleContext context) { }

    public void OnMapping(MappingRecord m, RuleContext context)
    {
        var r = m.Request;
        if (!r.Creates || r.IsPinhole || PortClasses.IsWindowsSharing(r.InternalPort) || PortClasses.IsCast(r.InternalPort)) return;
        if (r.InternalClient is { } client && context.Network.IsForeign(client)) return;
        bool sensitive = r.InternalPort is { } port && context.Network.SensitivePorts.Contains(port);
        bool wellKnownExternal = r.ExternalPort is { } ext && ext is > 0 and < WellKnownPortLimit;
        if (!sensitive && !wellKnownExternal) return;
        var why = sensitive ? $"sensitive internal port {r.InternalPort}" : $"well-known external port {r.ExternalPort}";
        var severity = r.IsPermanent ? Severity.High : Rule.Severity;
        context.Raise(Rule, r.Packet, MappingText.Protocol(r),
            $"{MappingText.Describe(r)} by {r.Requester} exposes {why}{(r.IsPermanent ? " permanently" : "")}; {MappingText.Outcome(m)}",
            MappingText.Judge(severity, m));
    }
}
