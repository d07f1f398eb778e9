using System.Globalization;
using Analyzer.Labels;
using Analyzer.Generation.Messages;

namespace Analyzer.Generation.Scenarios;

/// <summary>
/// UPnProxy (Akamai, 2018): an Internet host finds the router's IGD answering on its WAN address, reads the
/// description, and injects permanent mappings whose internal client is not in the LAN but a third party on the
/// Internet, so that the router relays traffic for it. A proxy user then connects through one of them.
/// </summary>
public sealed class UpnproxyInjectionScenario : AttackScenario
{
    public override string Name => "upnproxy-injection";
    public override string Description => "attack: from the Internet, AddPortMapping with NewInternalClient outside the LAN (router as proxy)";
    public override string Category => LabelNames.PortmapAbuse;

    public override long Attack(ScenarioContext ctx, long t)
    {
        var net = ctx.Network;
        var random = ctx.Random;
        ctx.Igd.SecureMode = false;
        var attacker = ctx.InternetHost("upnproxy-injector");
        var wan = net.RouterWan.V4;
        string userAgent = AttackTools.PickUserAgent(random);
        long start = t;

        string hostPort = ScenarioContext.HostPort(wan.Address, net.Igd.ControlPort);
        t = ctx.HttpExchange(t, attacker.V4, wan, net.Igd.ControlPort,
            DescriptionHttp.Get(ctx.Variation.ScriptHttp, hostPort, net.Igd.DescriptionPath, userAgent),
            at => DescriptionHttp.Ok(net.Igd.Server, at, DescriptionDocuments.Igd(net.Router, net.Igd, net.RouterLan.Ipv4.ToString())));

        var igd = new IgdClient(ctx, attacker.V4, userAgent, ctx.Variation.ScriptHttp, ctx.Variation.ScriptSoap, viaWan: true);
        (t, _) = igd.Call(t + random.Next(100_000, 900_000), "GetExternalIPAddress");
        var targets = new[] { (ctx.InternetHost("proxied-web"), (ushort)443, "TCP"), (ctx.InternetHost("proxied-dns"), (ushort)53, "UDP"),
            (ctx.InternetHost("proxied-mail"), (ushort)587, "TCP") };
        PortMapping? proxy = null;
        foreach (var (target, port, protocol) in targets)
        {
            var mapping = new PortMapping((ushort)random.Next(30000, 65000), protocol, port, target.Ipv4.ToString(),
                random.Pick(["sync", "NEWDESC", "galleta", "Skype"]), 0);
            long injected = t + random.Next(200_000, 1_500_000);
            (t, _) = igd.Add(injected, mapping);
            ctx.Mark(LabelNames.PortmapAbuse, "igd-map-nonlan-client", attacker.Ipv4, wan.Address, injected, t,
                $"{protocol} {mapping.ExternalPort} -> {mapping.InternalClient}:{port}, lease 0");
            proxy ??= mapping;
        }
        ctx.Mark(LabelNames.WanExposure, "igd-control-from-wan", attacker.Ipv4, wan.Address, start, t,
            "description fetch and SOAP control from the Internet");

        // Someone uses the relay: TLS to the router's external port, which the router forwards to the third party.
        var user = ctx.InternetHost("proxy-user");
        long relayed = t + random.Next(2_000_000, 4_000_000);
        HomeActivity.Tls(ctx, relayed, user.V4, wan, proxy!.ExternalPort, "www.example.com", 3_000);
        var target0 = targets[0].Item1;
        t = HomeActivity.Tls(ctx, relayed + random.Next(20_000, 60_000), wan, target0.V4, 443, "www.example.com", 3_000);
        ctx.Mark(LabelNames.PortmapAbuse, "igd-map-nonlan-client", user.Ipv4, wan.Address, relayed, t,
            "traffic relayed through injected mapping " + proxy.ExternalPort.ToString(CultureInfo.InvariantCulture));
        return t;
    }
}
