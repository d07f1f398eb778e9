using Analyzer.Decoding.Gena;
using Analyzer.Events;
using Analyzer.Rules.Text;

namespace Analyzer.Rules.Gena;

/// <summary>
/// THREATS.md <c>soap-realtek-subscribe-overflow</c> (CVE-2021-35393, Realtek SDK): a SUBSCRIBE whose CALLBACK has a
/// port followed by something other than '/' or the closing '&gt;' (<c>&lt;http://host:5000AAAA…</c>), the shape that
/// overflows the SDK's callback parser. <c>&lt;http://1.2.3.4:5000&gt;</c> with no path is legal and does not fire.
/// </summary>
public sealed class CallbackPortOverflowRule : IRule
{
    public static readonly RuleInfo Rule = new("soap-realtek-subscribe-overflow", AlertCategory.ExploitAttempt, Severity.High,
        "A GENA SUBSCRIBE CALLBACK whose port is followed by junk instead of '/' (Realtek SDK overflow, CVE-2021-35393)");

    public RuleInfo Info => Rule;

    public void OnEvent(AnalyzerEvent e, RuleContext context)
    {
        if (e is not GenaMessage { MessageKind: GenaMessageKind.Subscribe, Callback: { } raw, CallbackJunkAfterPort: { } at } g) return;
        context.Raise(Rule, e.Packet, ProtocolNames.Gena,
            $"SUBSCRIBE {g.Path} to {e.Packet.Dst}: CALLBACK port followed by {Evidence.Quote(raw[at..], -1, 40)}: {Evidence.Quote(raw, -1, 80)}");
    }
}
