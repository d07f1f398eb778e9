using Analyzer.Decoding.Ssdp;
using Analyzer.Events;
using Analyzer.Output;
using Analyzer.Rules.Text;

namespace Analyzer.Rules.Ssdp;

/// <summary>
/// THREATS.md <c>ssdp-msearch-from-wan</c>: an M-SEARCH from outside the LAN sent unicast to a home address (the
/// router's WAN address or a LAN host). Internet scanners do this all day, so the severity is low; the device
/// answering is <see cref="WanExposedRule"/>. A search to the multicast group never crossed a router: its sender is
/// on the local link, whatever its address says (a LAN numbered outside the configured prefixes).
/// </summary>
public sealed class SearchFromWanRule : IRule
{
    public static readonly RuleInfo Rule = new("ssdp-msearch-from-wan", AlertCategory.WanExposure, Severity.Low,
        "A unicast M-SEARCH from a non-LAN source reaches a LAN host or the router's WAN address");

    public RuleInfo Info => Rule;

    public void OnEvent(AnalyzerEvent e, RuleContext context)
    {
        if (e is not SsdpMessage { Kind: SsdpKind.MSearch } ssdp || !context.Network.IsForeign(e.Packet.Src)) return;
        if (!context.Network.IsHome(e.Packet.Dst)) return;
        context.Raise(Rule, e.Packet, "ssdp",
            $"M-SEARCH from outside the LAN to {e.Packet.Dst}: ST {Evidence.Quote(ssdp.St ?? "")}, MAN {Evidence.Quote(ssdp.Man ?? "")}");
    }
}
