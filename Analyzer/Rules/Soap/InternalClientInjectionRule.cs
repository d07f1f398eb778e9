using Analyzer.Decoding.Soap;
using Analyzer.Events;
using Analyzer.Rules.Mapping;
using Analyzer.Rules.Text;

namespace Analyzer.Rules.Soap;

/// <summary>
/// THREATS.md <c>soap-realtek-miniigd-injection</c> (CVE-2014-8361): an IGD port-mapping action whose
/// NewInternalClient is not an IP address. The Realtek SDK's miniigd passes it to a shell; Satori and Mirai variants
/// put <c>`cd /var; wget …`</c> there. Judged on the field, not the URL path, so /picdesc.xml, /wanipcn.xml,
/// /simplecfg.xml and any future path are caught.
/// </summary>
public sealed class InternalClientInjectionRule : IRule
{
    public static readonly RuleInfo Rule = new("soap-realtek-miniigd-injection", AlertCategory.ExploitAttempt, Severity.Critical,
        "An IGD port-mapping action whose NewInternalClient is not an IP address (Realtek miniigd command injection, CVE-2014-8361)");

    public RuleInfo Info => Rule;

    public void OnEvent(AnalyzerEvent e, RuleContext context)
    {
        if (e is not SoapRequest r || !IgdMappings.IsConnectionService(r.ServiceType)) return;
        var client = r.Argument("NewInternalClient")?.Trim();
        if (string.IsNullOrEmpty(client) || IgdMappings.TryAddress(client, out _)) return;
        var marker = ShellInjection.Find(client);
        context.Raise(Rule, e.Packet, ProtocolNames.Soap,
            $"{r.Action} to {r.ControlUrl} with NewInternalClient {Evidence.Quote(client)}, not an IP address{(marker is null ? "" : $" (shell syntax '{marker}')")}");
    }
}
