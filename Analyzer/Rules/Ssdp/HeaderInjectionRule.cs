using Analyzer.Decoding.Ssdp;
using Analyzer.Events;
using Analyzer.Rules.Text;

namespace Analyzer.Rules.Ssdp;

/// <summary>
/// THREATS.md <c>ssdp-header-injection</c>: shell syntax or downloader commands in ST, NT, USN or MAN, for stacks that
/// hand the search target to a shell or CGI (D-Link <c>ssdpcgi</c>). These headers never legitimately hold them.
/// </summary>
public sealed class HeaderInjectionRule : IRule
{
    public static readonly RuleInfo Rule = new("ssdp-header-injection", AlertCategory.ExploitAttempt, Severity.High,
        "Shell metacharacters or downloader commands (`, $(, ;, |, wget, busybox…) in SSDP ST/NT/USN/MAN");

    private static readonly SsdpHeaderId[] Checked = [SsdpHeaderId.St, SsdpHeaderId.Nt, SsdpHeaderId.Usn, SsdpHeaderId.Man];

    public RuleInfo Info => Rule;

    public void OnEvent(AnalyzerEvent e, RuleContext context)
    {
        if (e is not SsdpMessage ssdp) return;
        foreach (var id in Checked)
        {
            if (ssdp.Find(id) is not { } header || ShellInjection.Find(header.Value) is not { } marker) continue;
            context.Raise(Rule, e.Packet, ProtocolNames.Ssdp,
                $"{ssdp.Message} {header.Name} holds shell syntax '{marker}': {Evidence.Quote(header.Value, header.RawLength)}");
            return;
        }
    }
}
