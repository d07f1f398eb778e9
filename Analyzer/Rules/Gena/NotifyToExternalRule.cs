using Analyzer.Decoding.Gena;
using Analyzer.Events;
using Analyzer.Rules.Text;

namespace Analyzer.Rules.Gena;

/// <summary>
/// THREATS.md <c>gena-notify-to-external</c> (CVE-2020-12695): a LAN device sends a GENA event NOTIFY to a host
/// outside the LAN — a CallStranger callback that worked. A long request path means data went out with it.
/// </summary>
public sealed class NotifyToExternalRule : IRule
{
    public static readonly RuleInfo Rule = new("gena-notify-to-external", AlertCategory.CallbackAbuse, Severity.High,
        "A LAN device sends a GENA event NOTIFY to a non-LAN host (a CallStranger callback succeeded)");

    public RuleInfo Info => Rule;

    public void OnEvent(AnalyzerEvent e, RuleContext context)
    {
        if (e is not GenaMessage { MessageKind: GenaMessageKind.Notify } g) return;
        if (!context.Network.IsHome(e.Packet.Src) || !context.Network.IsForeign(e.Packet.Dst)) return;
        int pathLength = g.Path?.Length ?? 0;
        bool exfiltration = pathLength > context.Thresholds.GenaExfiltrationLength;
        context.Raise(Rule, e.Packet, ProtocolNames.Gena,
            $"{e.Packet.Src} sent an event NOTIFY (SID {Evidence.Quote(g.Sid ?? "", -1, 60)}) to {e.Packet.Dst}:{e.Packet.DstPort} outside the LAN, path {Evidence.Quote(g.Path ?? "", pathLength, 80)}{(exfiltration ? ": data carried out in the path" : "")}",
            exfiltration ? Severity.Critical : null);
    }
}
