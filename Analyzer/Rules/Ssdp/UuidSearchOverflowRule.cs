using Analyzer.Decoding.Ssdp;
using Analyzer.Events;
using Analyzer.Rules.Text;

namespace Analyzer.Rules.Ssdp;

/// <summary>
/// THREATS.md <c>ssdp-ddwrt-st-overflow</c> (CVE-2021-27137): an M-SEARCH whose <c>ST: uuid:</c> value — one long
/// name after <c>uuid:</c>, as the DD-WRT exploit sends it — runs to 128 bytes or more. The libupnp exploits use
/// other shapes (<c>uuid:schemas:device:…</c>, a <c>::</c> part) and are <see cref="UsnOverflowRule"/>'s, so one
/// datagram gives one alert.
/// </summary>
public sealed class UuidSearchOverflowRule : IRule
{
    public static readonly RuleInfo Rule = new("ssdp-ddwrt-st-overflow", AlertCategory.ExploitAttempt, Severity.High,
        "An M-SEARCH whose ST: uuid: value is 128 bytes or longer (DD-WRT UPnP overflow, CVE-2021-27137)");

    public RuleInfo Info => Rule;

    /// <summary>The DD-WRT exploit's shape at or past the length limit: this rule's, not the libupnp rule's.</summary>
    public static bool Owns(SsdpMessage message, SsdpHeader header, RuleThresholds thresholds)
    {
        if (message.Kind != SsdpKind.MSearch || header.Id != SsdpHeaderId.St || header.RawLength < thresholds.SsdpUuidStMaxLength) return false;
        var value = header.Value.TrimStart();
        return value.StartsWith("uuid:", StringComparison.OrdinalIgnoreCase)
            && !value.StartsWith("uuid:schemas:", StringComparison.OrdinalIgnoreCase)
            && !value.Contains("::", StringComparison.Ordinal);
    }

    public void OnEvent(AnalyzerEvent e, RuleContext context)
    {
        if (e is not SsdpMessage { Kind: SsdpKind.MSearch } ssdp || ssdp.Find(SsdpHeaderId.St) is not { } st) return;
        var t = context.Thresholds;
        if (!Owns(ssdp, st, t)) return;
        context.Raise(Rule, e.Packet, ProtocolNames.Ssdp,
            $"M-SEARCH ST: uuid: value of {st.RawLength} bytes (limit {t.SsdpUuidStMaxLength}): {Evidence.Quote(st.Value, st.RawLength, 80)}");
    }
}
