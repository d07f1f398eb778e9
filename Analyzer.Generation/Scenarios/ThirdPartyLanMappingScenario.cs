using Analyzer.Labels;
using Analyzer.Generation.Messages;

namespace Analyzer.Generation.Scenarios;

/// <summary>
/// Malware on the Windows PC uses the IGD to expose other devices: the NAS's web admin and the camera's RTSP and
/// web ports are mapped for them (NewInternalClient is not the requester), and a mapping the console made is
/// deleted. A miniupnpd in secure mode answers 718 and 606; other routers obey.
/// </summary>
public sealed class ThirdPartyLanMappingScenario : AttackScenario
{
    public override string Name => "third-party-lan-mapping";
    public override string Description => "attack: a LAN host maps ports of other LAN devices (NAS, camera) and deletes another host's mapping";
    public override string Category => LabelNames.PortmapAbuse;

    public override long Attack(ScenarioContext ctx, long t)
    {
        var net = ctx.Network;
        var random = ctx.Random;
        var consoleMapping = new PortMapping(3074, "UDP", 3074, net.Console.Host.Ipv4.ToString(), "Xbox (3074) UDP", 3600);
        ctx.Igd.Preload(consoleMapping);
        var pc = net.WindowsPc.Host;
        var router = net.RouterLan.Ipv4;
        var igd = new IgdClient(ctx, pc.V4, AttackTools.MiniUpnpcOld, HttpStyle.Standard, SoapStyle.MiniUpnpc);

        var targets = new[]
        {
            new PortMapping((ushort)random.Next(20000, 30000), "TCP", 5000, net.Nas.Host.Ipv4.ToString(), "DSM", 0),
            new PortMapping((ushort)random.Next(30000, 40000), "TCP", 554, net.Camera.Host.Ipv4.ToString(), "rtsp", 0),
            new PortMapping((ushort)random.Next(40000, 50000), "TCP", 80, net.Camera.Host.Ipv4.ToString(), "web", 0),
        };
        foreach (var mapping in targets)
        {
            long at = t + random.Next(300_000, 2_000_000);
            (t, _) = igd.Add(at, mapping);
            ctx.Mark(LabelNames.PortmapAbuse, "igd-map-third-party-lan", pc.Ipv4, router, at, t,
                $"requester {pc.Ipv4} maps {mapping.InternalClient}:{mapping.InternalPort}");
        }
        long deleted = t + random.Next(500_000, 2_000_000);
        (t, _) = igd.Delete(deleted, consoleMapping);
        ctx.Mark(LabelNames.PortmapAbuse, "igd-map-third-party-lan", pc.Ipv4, router, deleted, t,
            $"DeletePortMapping of {consoleMapping.InternalClient}'s UDP 3074");
        return t;
    }
}
