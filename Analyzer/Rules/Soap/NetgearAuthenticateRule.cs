using Analyzer.Decoding.Soap;
using Analyzer.Events;
using Analyzer.Rules.Text;

namespace Analyzer.Rules.Soap;

/// <summary>
/// THREATS.md <c>soap-netgear-upnpd</c> (CVE-2022-27643): NETGEAR ParentalControl Authenticate with a NewMACAddress of
/// 30 characters or more (a MAC is 17). The SUBSCRIBE half of that row (a long UUID header, CVE-2021-34991) is
/// <c>gena-subscribe-uuid-overflow</c>.
/// </summary>
public sealed class NetgearAuthenticateRule : IRule
{
    public static readonly RuleInfo Rule = new("soap-netgear-upnpd", AlertCategory.ExploitAttempt, Severity.High,
        "NETGEAR ParentalControl#Authenticate with an overlong NewMACAddress (upnpd overflow, CVE-2022-27643)");

    public RuleInfo Info => Rule;

    public void OnEvent(AnalyzerEvent e, RuleContext context)
    {
        if (e is not SoapRequest { Action: "Authenticate" } r) return;
        if (!r.ServiceType.Contains("ParentalControl", StringComparison.OrdinalIgnoreCase)) return;
        foreach (var a in r.Arguments)
        {
            if (a.Name != "NewMACAddress" || a.Length < context.Thresholds.SoapMacArgumentMaxLength) continue;
            context.Raise(Rule, e.Packet, ProtocolNames.Soap,
                $"Authenticate ({r.ServiceType}) with NewMACAddress of {a.Length} characters (limit {context.Thresholds.SoapMacArgumentMaxLength}): {Evidence.Quote(a.Value, a.Length, 60)}");
            return;
        }
    }
}
