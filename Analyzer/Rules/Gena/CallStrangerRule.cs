using Analyzer.Decoding.Gena;
using Analyzer.Events;
using Analyzer.Rules.Text;

namespace Analyzer.Rules.Gena;

/// <summary>
/// THREATS.md <c>gena-callstranger-external-callback</c> (CVE-2020-12695, CallStranger): a SUBSCRIBE whose CALLBACK
/// sends events outside the LAN — a non-LAN address, or a host name (a passive sensor cannot resolve it; LAN control
/// points call back to addresses) — or that lists several URLs (a reflection multiplier), or that arrives from
/// outside the LAN. A callback URL long enough to smuggle data (4,096 bytes) is named in the summary.
/// </summary>
public sealed class CallStrangerRule : IRule
{
    public static readonly RuleInfo Rule = new("gena-callstranger-external-callback", AlertCategory.CallbackAbuse, Severity.High,
        "A GENA SUBSCRIBE whose CALLBACK points outside the LAN or at a host name, lists several URLs, or comes from outside (CallStranger)");

    public RuleInfo Info => Rule;

    public void OnEvent(AnalyzerEvent e, RuleContext context)
    {
        if (e is not GenaMessage { MessageKind: GenaMessageKind.Subscribe, Callback: { } raw } g) return;
        var net = context.Network;
        var reasons = new List<string>();
        if (net.IsForeign(e.Packet.Src)) reasons.Add($"sent from {e.Packet.Src} outside the LAN");
        foreach (var c in g.Callbacks)
        {
            var address = c.Address;
            if (address is null) reasons.Add($"callback host '{c.Host}' is a name, not an address");
            else if (net.IsForeign(address.Value)) reasons.Add($"callback {address} is outside the LAN");
            if (reasons.Count > 0) break;
        }
        if (g.CallbackCount > 1) reasons.Add($"{g.CallbackCount} callback URLs");
        if (reasons.Count == 0) return;
        bool exfiltration = g.Callbacks.Any(c => c.Url.Length > context.Thresholds.GenaExfiltrationLength);
        context.Raise(Rule, e.Packet, ProtocolNames.Gena,
            $"SUBSCRIBE {g.Path} to {e.Packet.Dst}: {string.Join("; ", reasons)}{(exfiltration ? "; a callback long enough to carry data out" : "")}: CALLBACK {Evidence.Quote(raw, -1, 120)}",
            exfiltration ? Severity.Critical : null);
    }
}
