using Analyzer.Decoding.Soap;
using Analyzer.Events;
using Analyzer.Rules.Text;

namespace Analyzer.Rules.Soap;

/// <summary>
/// THREATS.md <c>soap-miniupnpd-soapaction-overflow</c> (CVE-2013-0230): a SOAPAction whose method name after '#' is
/// longer than any real action (miniupnpd 1.0 copies it into a fixed stack buffer; the exploit sends over 2,048
/// bytes). Real actions are under 40 characters.
/// </summary>
public sealed class SoapActionOverflowRule : IRule
{
    public static readonly RuleInfo Rule = new("soap-miniupnpd-soapaction-overflow", AlertCategory.ExploitAttempt, Severity.High,
        "A SOAPAction whose method name after '#' is over 256 bytes (miniupnpd ExecuteSoapAction overflow, CVE-2013-0230)");

    public RuleInfo Info => Rule;

    public void OnEvent(AnalyzerEvent e, RuleContext context)
    {
        if (e is not SoapRequest { SoapAction: { } header } r) return;
        int limit = context.Thresholds.SoapActionMaxLength;
        if (header.Action.Length <= limit) return;
        context.Raise(Rule, e.Packet, ProtocolNames.Soap,
            $"SOAPAction method of {header.Action.Length} bytes (limit {limit}){(header.Issue is { } issue ? $", {issue.Replace('_', ' ')}" : "")} to {r.ControlUrl}: {Evidence.Quote(header.Raw, header.Raw.Length, 80)}");
    }
}
