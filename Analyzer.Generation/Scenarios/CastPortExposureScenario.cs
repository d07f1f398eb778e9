using System.Net;
using Analyzer.Labels;
using Analyzer.Generation.Messages;

namespace Analyzer.Generation.Scenarios;

/// <summary>
/// The CastHack precondition (Jan 2019): the Cast dongle's 8008 (HTTP/DIAL), 8009 (CASTV2) and 8443 (setup) end up
/// mapped to the Internet, here by an app on the phone through the IGD and by the dongle's own PCP client.
/// </summary>
public sealed class CastPortExposureScenario : AttackScenario
{
    public override string Name => "cast-port-exposure";
    public override string Description => "attack: Cast ports 8008/8009/8443 mapped to the Internet through UPnP IGD and PCP";
    public override string Category => LabelNames.PortmapAbuse;

    public override long Attack(ScenarioContext ctx, long t)
    {
        var net = ctx.Network;
        var random = ctx.Random;
        var phone = net.Phone.Host;
        var cast = net.Chromecast.Host;
        var router = net.RouterLan.Ipv4;
        var igd = new IgdClient(ctx, phone.V4, "Dalvik/2.1.0 (Linux; U; Android 14; 23021RAAEG)", ctx.Variation.ScriptHttp,
            ctx.Variation.ScriptSoap);
        foreach (ushort port in new ushort[] { 8008, 8009 })
        {
            var mapping = new PortMapping(port, "TCP", port, cast.Ipv4.ToString(), "Cast", 0);
            long at = t + random.Next(300_000, 1_500_000);
            (t, _) = igd.Add(at, mapping);
            ctx.Mark(LabelNames.PortmapAbuse, "igd-map-cast-ports", phone.Ipv4, router, at, t, $"TCP {port} -> {cast.Ipv4}:{port}");
        }

        byte[] nonce = random.Bytes(12);
        ushort clientPort = ctx.EphemeralPort(cast);
        long sent = t + random.Next(500_000, 2_000_000);
        t = NatPmpExchange.Lan(ctx, sent, cast.V4, clientPort,
            PcpMessages.MapRequest(cast.Ipv4, 86400, nonce, PcpMessages.ProtocolTcp, 8443, 8443, IPAddress.Any),
            PcpMessages.MapResponse(PcpMessages.ResultSuccess, 86400, (uint)random.Next(10_000, 90_000), nonce, PcpMessages.ProtocolTcp,
                8443, 8443, net.RouterWan.Ipv4));
        ctx.Mark(LabelNames.PortmapAbuse, "igd-map-cast-ports", cast.Ipv4, router, sent, t, "PCP MAP TCP 8443 for 86400 s");
        return t;
    }
}
