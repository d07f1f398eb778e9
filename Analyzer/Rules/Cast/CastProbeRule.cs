using Analyzer.Decoding.Cast;
using Analyzer.Decoding.Dial;
using Analyzer.Events;

namespace Analyzer.Rules.Cast;

/// <summary>
/// THREATS.md <c>cast-probe-from-nonlan</c>: a host outside the LAN reading a Cast device's information
/// (<c>/setup/eureka_info</c>: name, SSID, BSSID, location, build; scan results, configured networks) or its DIAL
/// description and app status. Internet scanners do this; it is the step before a launch or a reset.
/// </summary>
public sealed class CastProbeRule : IRule
{
    public static readonly RuleInfo Rule = new("cast-probe-from-nonlan", AlertCategory.Recon, Severity.Medium,
        "A non-LAN host reads a Cast device's /setup/ information or its DIAL description (CastHack reconnaissance)");

    public RuleInfo Info => Rule;

    public void OnEvent(AnalyzerEvent e, RuleContext context)
    {
        var p = e.Packet;
        if (!context.Network.IsForeign(p.Src)) return;
        switch (e)
        {
            case CastMessage { Status: null, Method: "GET" or "HEAD" } c:
                context.Raise(Rule, p, ProtocolNames.Cast, $"GET /setup/{c.Endpoint} on {p.Dst}:{p.DstPort} from {p.Src} outside the LAN");
                break;
            case DialMessage { MessageKind: DialMessageKind.DeviceDescription or DialMessageKind.Status } d:
                context.Raise(Rule, p, ProtocolNames.Dial, $"DIAL {d.Kind} {d.Path} on {p.Dst}:{p.DstPort} from {p.Src} outside the LAN");
                break;
        }
    }
}
