using System.Globalization;
using Analyzer.Decoding;
using Analyzer.Decoding.Ssdp;
using Analyzer.Events;
using Analyzer.Rules.Text;

namespace Analyzer.Rules.Ssdp;

/// <summary>
/// THREATS.md <c>ssdp-miniupnpd-msearch-oob</c> (CVE-2013-0229): an M-SEARCH of 1,400 bytes or more (<c>ssdp_unterminated_min_length</c>) whose header block
/// never ends, so miniupnpd &lt; 1.4 reads past the datagram. The decoder reports such a datagram as an
/// <see cref="UnterminatedSsdpHead"/> with its length; real searches are under 300 bytes and always end with an empty line.
/// </summary>
public sealed class UnterminatedSearchRule : IRule
{
    public static readonly RuleInfo Rule = new("ssdp-miniupnpd-msearch-oob", AlertCategory.ExploitAttempt, Severity.High,
        string.Create(CultureInfo.InvariantCulture, $"An M-SEARCH of {new RuleThresholds().SsdpUnterminatedMinLength:N0} bytes or more whose header block is never terminated (miniupnpd CVE-2013-0229 out-of-bounds read)"));

    public RuleInfo Info => Rule;

    public void OnEvent(AnalyzerEvent analyzerEvent, RuleContext context) { }

    public void OnAnomaly(DecodeAnomaly anomaly, RuleContext context)
    {
        if (anomaly is not UnterminatedSsdpHead head || !head.StartLine.StartsWith("M-SEARCH", StringComparison.Ordinal)) return;
        if (head.Length < context.Thresholds.SsdpUnterminatedMinLength) return;
        context.Raise(Rule, anomaly.Packet, ProtocolNames.Ssdp,
            $"M-SEARCH of {head.Length} bytes with an unterminated header block (ends_with_newline={(head.EndsWithNewline ? "yes" : "no")}), the CVE-2013-0229 shape");
    }
}
