using Analyzer.Decoding;
using Analyzer.Decoding.Ssdp;
using Analyzer.Events;
using Analyzer.Rules.Banners;
using Analyzer.Rules.Text;

namespace Analyzer.Rules.Ssdp;

/// <summary>
/// THREATS.md <c>ssdp-rogue-device</c> (c): the evil-ssdp attack tool's default banner
/// <c>SERVER: Linux/3.10.96+, UPnP/1.0, eSSDP/0.1</c> in an advertisement or search reply.
/// </summary>
public sealed class RogueBannerRule : IRule
{
    public static readonly RuleInfo Rule = new("ssdp-rogue-banner", AlertCategory.RogueDevice, Severity.High,
        "An SSDP advertisement or reply with an attack tool's banner (evil-ssdp eSSDP/0.1)");

    /// <summary>Responders remembered so that one gives one alert per aggregation window, whoever it answers.</summary>
    public const int MaxResponders = 1024;

    private readonly BoundedTable<NetAddress, long> _mutedUntil = new(MaxResponders);

    public RuleInfo Info => Rule;

    public void OnEvent(AnalyzerEvent e, RuleContext context)
    {
        if (e is not SsdpMessage { Kind: not SsdpKind.MSearch } ssdp) return;
        if (ssdp.Server is not { } server || !server.Contains("eSSDP", StringComparison.OrdinalIgnoreCase)) return;
        if (BannerParser.Parse(server) is not { Stack: KnownStacks.EvilSsdp } banner) return;
        if (_mutedUntil.TryGet(e.Packet.Src, out long until) && e.Packet.TimestampUs < until) return;
        _mutedUntil.Set(e.Packet.Src, e.Packet.TimestampUs + context.Thresholds.AggregationWindowUs);
        context.Raise(Rule, e.Packet, ProtocolNames.Ssdp,
            $"{ssdp.Message} from {e.Packet.Src} with the evil-ssdp banner ({banner}): SERVER {Evidence.Quote(ssdp.Server)}, LOCATION {Evidence.Quote(ssdp.Location ?? "")}");
    }
}
