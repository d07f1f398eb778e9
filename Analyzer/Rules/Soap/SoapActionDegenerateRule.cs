using Analyzer.Decoding;
using Analyzer.Decoding.Soap;
using Analyzer.Decoding.Ssdp;
using Analyzer.Events;
using Analyzer.Rules.Banners;
using Analyzer.Rules.Text;

namespace Analyzer.Rules.Soap;

/// <summary>
/// THREATS.md <c>soap-miniupnpd-soapaction-noquote</c> (CVE-2013-1462, CVE-2026-5720): a degenerate SOAPAction —
/// empty, a lone quote, an unbalanced quote — that drives miniupnpd's quote stripping out of bounds. Sloppy clients
/// leave the quotes off entirely, which is legal and never fires. An overlong method is
/// <see cref="SoapActionOverflowRule"/>'s. High when the target advertised a miniupnpd older than 2.3.10.
/// </summary>
public sealed class SoapActionDegenerateRule : IRule
{
    public static readonly RuleInfo Rule = new("soap-miniupnpd-soapaction-noquote", AlertCategory.ExploitAttempt, Severity.Medium,
        "A degenerate SOAPAction (empty, a lone quote, an unbalanced quote): miniupnpd CVE-2013-1462 / CVE-2026-5720");

    private static readonly StackVersion FixedIn = StackVersion.Parse("2.3.10");

    private readonly ServerBanners _banners = new();

    public RuleInfo Info => Rule;

    public void OnEvent(AnalyzerEvent e, RuleContext context)
    {
        _banners.Observe(e);
        if (e is not SoapRequest { SoapAction: { Issue: "empty" or "lone_quote" or "unbalanced_quote" } header } r) return;
        if (header.Action.Length > context.Thresholds.SoapActionMaxLength) return;
        bool vulnerable = _banners.Of(e.Packet.Dst) is { Stack: KnownStacks.MiniUpnpd, Version: { } v } && v < FixedIn;
        context.Raise(Rule, e.Packet, ProtocolNames.Soap,
            $"SOAPAction {Evidence.Quote(header.Raw)} ({header.Issue!.Replace('_', ' ')}) to {r.ControlUrl}, action {r.Action} from the body{(vulnerable ? $"; the target runs {_banners.Of(e.Packet.Dst)}" : "")}",
            vulnerable ? Severity.High : null);
    }
}
