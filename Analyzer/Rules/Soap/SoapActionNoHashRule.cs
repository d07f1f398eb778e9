using Analyzer.Decoding.Soap;
using Analyzer.Events;
using Analyzer.Rules.Banners;
using Analyzer.Rules.Text;

namespace Analyzer.Rules.Soap;

/// <summary>
/// THREATS.md <c>soap-miniupnpd-soapaction-nohash</c> (CVE-2013-1461): a SOAPAction without '#', which miniupnpd 1.0
/// dereferences as NULL. Some broken clients send one and the IGD just errors, so this is medium, and high when the
/// target advertised miniupnpd 1.0.
/// </summary>
public sealed class SoapActionNoHashRule : IRule
{
    public static readonly RuleInfo Rule = new("soap-miniupnpd-soapaction-nohash", AlertCategory.ExploitAttempt, Severity.Medium,
        "A SOAPAction without '#' (miniupnpd 1.0 NULL dereference, CVE-2013-1461)");

    private static readonly StackVersion FixedIn = StackVersion.Parse("1.1");

    private readonly ServerBanners _banners = new();

    public RuleInfo Info => Rule;

    public void OnEvent(AnalyzerEvent e, RuleContext context)
    {
        _banners.Observe(e);
        if (e is not SoapRequest { SoapAction: { Issue: "no_hash" } header } r) return;
        bool vulnerable = _banners.Of(e.Packet.Dst) is { Stack: KnownStacks.MiniUpnpd, Version: { } v } && v < FixedIn;
        context.Raise(Rule, e.Packet, ProtocolNames.Soap,
            $"SOAPAction without '#': {Evidence.Quote(header.Raw)} to {r.ControlUrl}, action {r.Action} from the body{(vulnerable ? $"; the target runs {_banners.Of(e.Packet.Dst)}" : "")}",
            vulnerable ? Severity.High : null);
    }
}
