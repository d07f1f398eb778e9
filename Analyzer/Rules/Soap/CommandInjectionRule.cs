using Analyzer.Decoding.Soap;
using Analyzer.Events;
using Analyzer.Rules.Text;

namespace Analyzer.Rules.Soap;

/// <summary>
/// Shell commands in a UPnP action argument: THREATS.md <c>soap-wemo-injection</c> (Belkin SetSmartDevInfo
/// SmartDevURL, CVE-2019-12780) and the same class on any service. Free-text arguments (descriptions, names) may hold
/// ';' or '|', so only command substitution (backticks, <c>$(</c>, <c>${</c>) and downloader commands count here.
/// NewInternalClient and the Huawei Upgrade arguments are their own rules'.
/// </summary>
public sealed class CommandInjectionRule : IRule
{
    public static readonly RuleInfo Rule = new("soap-command-injection", AlertCategory.ExploitAttempt, Severity.Critical,
        "Command substitution or downloader commands in a SOAP action argument (Belkin WeMo SetSmartDevInfo, CVE-2019-12780, and the like)");

    private static readonly HashSet<string> OwnedElsewhere = ["NewInternalClient", "NewStatusURL", "NewDownloadURL"];

    public RuleInfo Info => Rule;

    public void OnEvent(AnalyzerEvent e, RuleContext context)
    {
        if (e is not SoapRequest r) return;
        foreach (var a in r.Arguments)
        {
            if (OwnedElsewhere.Contains(a.Name) || ShellInjection.FindCommand(a.Value) is not { } marker) continue;
            context.Raise(Rule, e.Packet, ProtocolNames.Soap,
                $"{r.Action} ({r.ServiceType}) to {r.ControlUrl}: argument {a.Name} holds '{marker}': {Evidence.Quote(a.Value, a.Length)}");
            return;
        }
    }
}
