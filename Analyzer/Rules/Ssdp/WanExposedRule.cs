using Analyzer.Decoding.Ssdp;
using Analyzer.Events;
using Analyzer.Rules.Text;

namespace Analyzer.Rules.Ssdp;

/// <summary>
/// THREATS.md <c>ssdp-wan-exposed</c>: a home device answers an SSDP search from outside the LAN (UPnProxy's first
/// step; miniupnpd &lt; 1.8 does not filter the WAN). Allowlist ISP management prefixes for this rule if the ISP's CPE
/// management legitimately searches.
/// </summary>
public sealed class WanExposedRule : IRule
{
    public static readonly RuleInfo Rule = new("ssdp-wan-exposed", AlertCategory.WanExposure, Severity.High,
        "A LAN device or the router sends an SSDP search reply (LOCATION/USN) to a non-LAN address");

    public RuleInfo Info => Rule;

    public void OnEvent(AnalyzerEvent e, RuleContext context)
    {
        if (e is not SsdpMessage { Kind: SsdpKind.Response } ssdp) return;
        if (!context.Network.IsHome(e.Packet.Src) || !context.Network.IsForeign(e.Packet.Dst)) return;
        context.Raise(Rule, e.Packet, ProtocolNames.Ssdp,
            $"SSDP reply to {e.Packet.Dst} outside the LAN: ST {Evidence.Quote(ssdp.St ?? "")}, LOCATION {Evidence.Quote(ssdp.Location ?? "")}, SERVER {Evidence.Quote(ssdp.Server ?? "")}");
    }
}
