using System.Globalization;
using Analyzer.Decoding;
using Analyzer.Decoding.Ssdp;
using Analyzer.Events;
using Analyzer.Output;
using Analyzer.Rules.Text;

namespace Analyzer.Rules.Ssdp;

/// <summary>
/// THREATS.md <c>ssdp-miniupnpd-msearch-oob</c> (CVE-2013-0229): an M-SEARCH of 1,400 bytes or more (<c>ssdp_unterminated_min_length</c>) whose header block
/// never ends, so miniupnpd &lt; 1.4 reads past the datagram. The decoder reports such a datagram as
/// <c>ssdp.unterminated_head</c> with its length; real searches are under 300 bytes and always end with an empty line.
/// </summary>
public sealed class UnterminatedSearchRule : IRule
{
    public static readonly RuleInfo Rule = new("ssdp-miniupnpd-msearch-oob", AlertCategory.ExploitAttempt, Severity.High,
        string.Create(CultureInfo.InvariantCulture, $"An M-SEARCH of {new RuleThresholds().SsdpUnterminatedMinLength:N0} bytes or more whose header block is never terminated (miniupnpd CVE-2013-0229 out-of-bounds read)"));

    public RuleInfo Info => Rule;

    public void OnEvent(AnalyzerEvent analyzerEvent, RuleContext context) { }

    public void OnAnomaly(DecodeAnomaly anomaly, RuleContext context)
    {
        if (anomaly.Id != SsdpAnomalyIds.UnterminatedHead) return;
        // Detail: "length=N ends_with_newline=yes|no <first line>".
        var detail = anomaly.Detail;
        if (!detail.StartsWith("length=", StringComparison.Ordinal)) return;
        int space = detail.IndexOf(' ');
        if (space < 0 || !int.TryParse(detail.AsSpan(7, space - 7), NumberStyles.None, CultureInfo.InvariantCulture, out int length)) return;
        int firstLine = detail.IndexOf(' ', space + 1);
        var startLine = firstLine < 0 ? "" : detail[(firstLine + 1)..];
        if (!startLine.StartsWith("M-SEARCH", StringComparison.Ordinal)) return;
        if (length < context.Thresholds.SsdpUnterminatedMinLength) return;
        context.Raise(Rule, anomaly.Packet, "ssdp",
            $"M-SEARCH of {length} bytes with an unterminated header block ({detail[space..firstLine].Trim()}), the CVE-2013-0229 shape");
    }
}
