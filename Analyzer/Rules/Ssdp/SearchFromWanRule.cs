using Analyzer.Decoding;
using Analyzer.Decoding.Ssdp;
using Analyzer.Events;
using Analyzer.Rules.Text;

namespace Analyzer.Rules.Ssdp;

/// <summary>
/// THREATS.md <c>ssdp-msearch-from-wan</c>: an M-SEARCH from outside the LAN sent unicast to a home address (the
/// router's WAN address or a LAN host). Internet scanners do this all day, so the severity is low; the device
/// answering is <see cref="WanExposedRule"/>. A search to the multicast group never crossed a router: its sender is
/// on the local link, whatever its address says (a LAN numbered outside the configured prefixes). On a sensor that
/// sees the WAN side, the router's WAN address may only become known from its answer, so a search between two
/// outside addresses waits for the answer window and fires if its target turns out to be the router.
/// </summary>
public sealed class SearchFromWanRule : IRule
{
    public static readonly RuleInfo Rule = new("ssdp-msearch-from-wan", AlertCategory.WanExposure, Severity.Low,
        "A unicast M-SEARCH from a non-LAN source reaches a LAN host or the router's WAN address");

    /// <summary>Searches between two outside addresses waiting to learn whether the target is the router.</summary>
    public const int MaxWaiting = 256;
    public const int DefaultMxSeconds = 5;
    public const int MaxMxSeconds = 120;

    private readonly List<(SsdpMessage Search, long DeadlineUs)> _waiting = [];
    private int _networkVersion = -1;

    public RuleInfo Info => Rule;

    public void OnEvent(AnalyzerEvent e, RuleContext context)
    {
        var net = context.Network;
        // Only a newly learned router or WAN address can turn a waiting search into one that reached the home.
        if (_waiting.Count > 0 && context.Network.Version != _networkVersion) Settle(e.Packet.TimestampUs, context);
        if (e is not SsdpMessage { Kind: SsdpKind.MSearch } ssdp || !net.IsForeign(e.Packet.Src)) return;
        if (net.IsHome(e.Packet.Dst))
        {
            Raise(ssdp, context);
        }
        else if (!NetworkContext.IsSpecial(e.Packet.Dst))
        {
            if (_waiting.Count >= MaxWaiting) _waiting.RemoveAt(0);
            int mx = Math.Clamp(ssdp.MxSeconds ?? DefaultMxSeconds, 0, MaxMxSeconds);
            _waiting.Add((ssdp, e.Packet.TimestampUs + RuleThresholds.Micros(mx + context.Thresholds.SsdpReplyMarginSeconds)));
        }
    }

    public void Expire(long nowUs, RuleContext context) => Settle(nowUs, context);

    private void Settle(long nowUs, RuleContext context)
    {
        _networkVersion = context.Network.Version;
        for (int i = _waiting.Count - 1; i >= 0; i--)
        {
            var (search, deadline) = _waiting[i];
            if (context.Network.IsHome(search.Packet.Dst)) Raise(search, context);
            // Past its answer window, or from another timeline (a capture read after a later one).
            else if (nowUs <= deadline && nowUs >= search.Packet.TimestampUs) continue;
            _waiting.RemoveAt(i);
        }
    }

    private static void Raise(SsdpMessage ssdp, RuleContext context) =>
        context.Raise(Rule, ssdp.Packet, ProtocolNames.Ssdp,
            $"M-SEARCH from outside the LAN to {ssdp.Packet.Dst}: ST {Evidence.Quote(ssdp.St ?? "")}, MAN {Evidence.Quote(ssdp.Man ?? "")}");
}
