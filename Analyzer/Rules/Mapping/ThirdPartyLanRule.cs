using Analyzer.Decoding;
using Analyzer.Events;

namespace Analyzer.Rules.Mapping;

/// <summary>
/// THREATS.md <c>igd-map-third-party-lan</c>: an IGD mapping made for another LAN device than the one asking
/// (malware exposing a camera or NAS), or the deletion of a mapping another device made. Trusted controllers
/// (UPnP proxies, home-automation hubs) are exempt, and two addresses of one device (same MAC) are one device.
/// miniupnpd's secure mode refuses these (718, 606): a refusal lowers the severity. PCP's equivalent, THIRD_PARTY,
/// is <see cref="PcpThirdPartyRule"/>'s; NAT-PMP cannot map for another host.
/// </summary>
public sealed class ThirdPartyLanRule : IRule, IMappingRule
{
    public static readonly RuleInfo Rule = new("igd-map-third-party-lan", AlertCategory.PortmapAbuse, Severity.High,
        "An IGD port mapping for another LAN host than the requester, or deletion of a mapping another host created");

    /// <summary>Granted mappings remembered with the device that made them.</summary>
    public const int MaxMappings = 8192;

    private readonly BoundedTable<(NetAddress Gateway, string Transport, ushort ExternalPort), NetAddress> _creators = new(MaxMappings);

    public RuleInfo Info => Rule;

    public void OnEvent(AnalyzerEvent analyzerEvent, RuleContext context) { }

    public void OnMapping(MappingRecord m, RuleContext context)
    {
        var r = m.Request;
        if (r.Method != MappingMethod.Igd) return;
        var net = context.Network;
        // A request from outside is igd-control-from-wan's, whatever it maps.
        if (!net.IsLan(r.Requester)) return;
        bool trusted = net.TrustedControllers.Contains(r.Requester);
        if (r.Creates)
        {
            if (m.Outcome.Kind == MappingOutcomeKind.Granted && r.ExternalPort is { } port)
                _creators.Set((r.Gateway, r.Transport, m.Outcome.ExternalPort ?? port), r.Requester);
            if (trusted || r.InternalClient is not { } client || !net.IsLan(client) || net.SameDevice(client, r.Requester)) return;
            // An IPv6 pinhole asked over IPv4 names the host's own IPv6 address: only two different MACs prove another host.
            if (client.IsV6 != r.Requester.IsV6 && (net.MacOf(client) == 0 || net.MacOf(r.Requester) == 0)) return;
            context.Raise(Rule, r.Packet, MappingText.Protocol(r),
                $"{MappingText.Describe(r)} asked by {r.Requester} for another LAN host {client}; {MappingText.Outcome(m)}",
                MappingText.Judge(Rule.Severity, m));
        }
        else if (r.Action == MappingAction.Delete && r.ExternalPort is { } port)
        {
            var key = (r.Gateway, r.Transport, port);
            if (!_creators.TryGet(key, out var creator)) return;
            if (m.Outcome.Kind == MappingOutcomeKind.Granted) _creators.Remove(key);
            if (trusted || net.SameDevice(creator, r.Requester)) return;
            context.Raise(Rule, r.Packet, MappingText.Protocol(r),
                $"{MappingText.Describe(r)} by {r.Requester} deletes the mapping {creator} created; {MappingText.Outcome(m)}",
                MappingText.Judge(Rule.Severity, m));
        }
    }
}
