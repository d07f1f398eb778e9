using Analyzer.Decoding.Gena;
using Analyzer.Events;
using Analyzer.Rules.Text;

namespace Analyzer.Rules.Gena;

/// <summary>
/// THREATS.md <c>gena-callback-mismatch-lan</c>: a SUBSCRIBE whose callback is another LAN host than the subscriber,
/// which turns the device into a port scanner or request relay inside the LAN (NOTIFYs to a printer on 9100, Redis
/// on 6379). miniupnpd refuses these (412); libupnp &lt; 1.14 did not. Two addresses of one MAC are one device; trusted
/// controllers are exempt. A callback port that is not HTTP-like raises the severity.
/// </summary>
public sealed class CallbackMismatchRule : IRule
{
    public static readonly RuleInfo Rule = new("gena-callback-mismatch-lan", AlertCategory.CallbackAbuse, Severity.Medium,
        "A GENA SUBSCRIBE whose CALLBACK is another LAN host than the subscriber (CallStranger inside the LAN)");

    public RuleInfo Info => Rule;

    public void OnEvent(AnalyzerEvent e, RuleContext context)
    {
        if (e is not GenaMessage { MessageKind: GenaMessageKind.Subscribe } g) return;
        var net = context.Network;
        var subscriber = e.Packet.Src;
        if (!net.IsLan(subscriber) || net.TrustedControllers.Contains(subscriber)) return;
        foreach (var c in g.Callbacks)
        {
            if (c.Address is not { } target || !net.IsLan(target) || net.SameDevice(target, subscriber)) continue;
            bool odd = !CallbackTargets.IsHttpLike(c.Port);
            context.Raise(Rule, e.Packet, ProtocolNames.Gena,
                $"SUBSCRIBE {g.Path} from {subscriber} to {e.Packet.Dst} asks events for another LAN host: {Evidence.Quote(c.Url, -1, 120)}{(odd ? $" (port {c.Port} is not HTTP)" : "")}",
                odd ? Severity.High : null);
            return;
        }
    }
}
