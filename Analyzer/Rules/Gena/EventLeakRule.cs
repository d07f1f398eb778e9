using Analyzer.Decoding.Gena;
using Analyzer.Events;
using Analyzer.Rules.Text;

namespace Analyzer.Rules.Gena;

/// <summary>
/// THREATS.md <c>gena-miniupnpd-event-leak</c> (CVE-2019-12107): a SUBSCRIBE whose callback URL is over 512 bytes, so
/// miniupnpd ≤ 2.1 truncates it building the NOTIFY header and sends heap bytes with the event. Callbacks outside
/// the LAN are <see cref="CallStrangerRule"/>'s.
/// </summary>
public sealed class EventLeakRule : IRule
{
    public static readonly RuleInfo Rule = new("gena-miniupnpd-event-leak", AlertCategory.ExploitAttempt, Severity.Medium,
        "A GENA SUBSCRIBE with a callback URL over 512 bytes (miniupnpd event heap leak, CVE-2019-12107)");

    public RuleInfo Info => Rule;

    public void OnEvent(AnalyzerEvent e, RuleContext context)
    {
        if (e is not GenaMessage { MessageKind: GenaMessageKind.Subscribe } g) return;
        int limit = context.Thresholds.GenaCallbackMaxLength;
        foreach (var c in g.Callbacks)
        {
            if (c.Url.Length <= limit) continue;
            // A callback outside the LAN or to a name is CallStranger's, long or not.
            if (c.Address is not { } target || context.Network.IsForeign(target)) continue;
            context.Raise(Rule, e.Packet, ProtocolNames.Gena,
                $"SUBSCRIBE {g.Path} to {e.Packet.Dst} with a callback URL of {c.Url.Length} bytes (limit {limit}): {Evidence.Quote(c.Url, -1, 80)}");
            return;
        }
    }
}
