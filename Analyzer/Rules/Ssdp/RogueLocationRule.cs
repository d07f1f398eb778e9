using Analyzer.Decoding.Http;
using Analyzer.Decoding.Ssdp;
using Analyzer.Events;
using Analyzer.Rules.Text;

namespace Analyzer.Rules.Ssdp;

/// <summary>
/// THREATS.md <c>ssdp-rogue-device</c> (a): an advertisement or search reply whose LOCATION host is not the sender,
/// as evil-ssdp sends when it points victims at a phishing or XXE server. A LOCATION outside the LAN is high
/// severity; another LAN host is medium, unless both addresses were seen from one MAC (a multi-homed device).
/// A host name cannot be checked passively and is left alone, as is a LOCATION of the other IP family (dual-stack
/// devices advertise their IPv4 URL over IPv6).
/// </summary>
public sealed class RogueLocationRule : IRule
{
    public static readonly RuleInfo Rule = new("ssdp-rogue-location", AlertCategory.RogueDevice, Severity.Medium,
        "An SSDP advertisement or reply whose LOCATION points to another host than its sender (outside the LAN: high)");

    public RuleInfo Info => Rule;

    public void OnEvent(AnalyzerEvent e, RuleContext context)
    {
        if (e is not SsdpMessage { Kind: not SsdpKind.MSearch } ssdp || ssdp.Location is not { } location) return;
        if (!UrlParts.TryParse(location, out var url) || url.Address is not { } host) return;
        var src = e.Packet.Src;
        var net = context.Network;
        if (host.IsV6 != src.IsV6 || net.SameDevice(host, src)) return;
        if (net.IsForeign(host))
            context.Raise(Rule, e.Packet, ProtocolNames.Ssdp,
                $"{ssdp.Message} from {src} points LOCATION outside the LAN: {Evidence.Quote(location)}", Severity.High);
        else if (net.IsLan(host) && net.IsLan(src))
            context.Raise(Rule, e.Packet, ProtocolNames.Ssdp,
                $"{ssdp.Message} from {src} points LOCATION at another LAN host {host}: {Evidence.Quote(location)}");
    }
}
