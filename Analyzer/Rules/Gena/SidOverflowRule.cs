using Analyzer.Decoding.Gena;
using Analyzer.Events;
using Analyzer.Rules.Text;

namespace Analyzer.Rules.Gena;

/// <summary>
/// THREATS.md <c>gena-subscribe-uuid-overflow</c> (CVE-2021-34991, NETGEAR upnpd): a SUBSCRIBE or NOTIFY whose UUID
/// or SID header is 100 characters or more; a real SID is <c>uuid:</c> and 36 characters.
/// </summary>
public sealed class SidOverflowRule : IRule
{
    public static readonly RuleInfo Rule = new("gena-subscribe-uuid-overflow", AlertCategory.ExploitAttempt, Severity.High,
        "A GENA UUID or SID header of 100+ characters (NETGEAR upnpd stack overflow, CVE-2021-34991)");

    public RuleInfo Info => Rule;

    public void OnEvent(AnalyzerEvent e, RuleContext context)
    {
        if (e is not GenaMessage { MessageKind: GenaMessageKind.Subscribe or GenaMessageKind.Notify or GenaMessageKind.Unsubscribe } g) return;
        int limit = context.Thresholds.GenaSidMaxLength;
        var (name, value) = (g.Uuid?.Length ?? 0) >= limit ? ("UUID", g.Uuid) : (g.Sid?.Length ?? 0) >= limit ? ("SID", g.Sid) : (null, null);
        if (name is null) return;
        context.Raise(Rule, e.Packet, ProtocolNames.Gena,
            $"{g.Kind} {g.Path} with a {name} header of {value!.Length} characters (limit {limit}): {Evidence.Quote(value, -1, 60)}");
    }
}
