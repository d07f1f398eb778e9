using Analyzer.Decoding.Ssdp;
using Analyzer.Events;
using Analyzer.Output;
using Analyzer.Rules.Text;

namespace Analyzer.Rules.Ssdp;

/// <summary>
/// THREATS.md <c>ssdp-ddwrt-st-overflow</c> (CVE-2021-27137): an M-SEARCH whose <c>ST: uuid:</c> value runs to 128
/// bytes or more. Values long enough for the libupnp overflow are left to <see cref="UsnOverflowRule"/>, so one
/// datagram gives one alert.
/// </summary>
public sealed class UuidSearchOverflowRule : IRule
{
    public static readonly RuleInfo Rule = new("ssdp-ddwrt-st-overflow", AlertCategory.ExploitAttempt, Severity.High,
        "An M-SEARCH whose ST: uuid: value is 128 bytes or longer (DD-WRT UPnP overflow, CVE-2021-27137)");

    public RuleInfo Info => Rule;

    public void OnEvent(AnalyzerEvent e, RuleContext context)
    {
        if (e is not SsdpMessage { Kind: SsdpKind.MSearch } ssdp || ssdp.Find(SsdpHeaderId.St) is not { } st) return;
        if (!st.Value.TrimStart().StartsWith("uuid:", StringComparison.OrdinalIgnoreCase)) return;
        var t = context.Thresholds;
        if (st.RawLength < t.SsdpUuidStMaxLength) return;
        if (SsdpFieldShape.LongestComponent(st) > t.SsdpMaxFieldLength || SsdpFieldShape.UdnLength(st) > t.SsdpMaxFieldLength) return;
        context.Raise(Rule, e.Packet, "ssdp",
            $"M-SEARCH ST: uuid: value of {st.RawLength} bytes (limit {t.SsdpUuidStMaxLength}): {Evidence.Quote(st.Value, st.RawLength, 80)}");
    }
}
