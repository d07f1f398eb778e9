using Analyzer.Decoding.Soap;
using Analyzer.Events;
using Analyzer.Rules.Text;

namespace Analyzer.Rules.Soap;

/// <summary>
/// THREATS.md <c>soap-huawei-hg532-upgrade</c> (CVE-2017-17215, Satori/Okiru, Mozi): a POST to
/// <c>/ctrlt/DeviceUpgrade_1</c>, or an Upgrade action with shell syntax in NewStatusURL / NewDownloadURL. The worms
/// send no SOAPAction header (the decoder reads the action from the body); its absence is named in the evidence.
/// </summary>
public sealed class HuaweiUpgradeRule : IRule
{
    public static readonly RuleInfo Rule = new("soap-huawei-hg532-upgrade", AlertCategory.ExploitAttempt, Severity.Critical,
        "A SOAP Upgrade to /ctrlt/DeviceUpgrade_1 or with shell syntax in NewStatusURL/NewDownloadURL (Huawei HG532, CVE-2017-17215)");

    public const string ExploitPath = "/ctrlt/DeviceUpgrade";

    public RuleInfo Info => Rule;

    public void OnEvent(AnalyzerEvent e, RuleContext context)
    {
        if (e is not SoapRequest r) return;
        bool path = r.ControlUrl.StartsWith(ExploitPath, StringComparison.OrdinalIgnoreCase);
        var status = r.Argument("NewStatusURL");
        var download = r.Argument("NewDownloadURL");
        var marker = ShellInjection.Find(status) ?? ShellInjection.Find(download);
        if (!path && !(r.Action == "Upgrade" && marker is not null)) return;
        context.Raise(Rule, e.Packet, ProtocolNames.Soap,
            $"{r.Action} to {r.ControlUrl}{(r.SoapAction is null ? " without SOAPAction" : "")}: NewStatusURL {Evidence.Quote(status ?? "")}, NewDownloadURL {Evidence.Quote(download ?? "")}{(marker is null ? "" : $" (shell syntax '{marker}')")}");
    }
}
