using Analyzer.Labels;
using Analyzer.Generation.Messages;
using Analyzer.Generation.Network;

namespace Analyzer.Generation.Scenarios;

/// <summary>
/// A compromised camera fills the IGD's table: dozens of AddPortMapping calls for distinct external ports within a
/// minute (AddAnyPortMapping where the service is WANIPConnection:2) until the router answers 728 NoPortMapsAvailable.
/// </summary>
public sealed class MappingFloodScenario : AttackScenario
{
    private const int TableCapacity = 32;

    public override string Name => "mapping-flood";
    public override string Description => "attack: one LAN host adds 40 mappings in under a minute until fault 728 NoPortMapsAvailable";
    public override string Category => LabelNames.PortmapAbuse;

    public override long Attack(ScenarioContext ctx, long t)
    {
        var net = ctx.Network;
        var random = ctx.Random;
        ctx.Igd.Capacity = TableCapacity;
        var camera = net.Camera.Host;
        var igd = new IgdClient(ctx, camera.V4, AttackTools.MiniUpnpcOld, ctx.Variation.ScriptHttp, SoapStyle.MiniUpnpc);
        bool v2 = net.Igd.ServiceType == IgdServiceType.WanIpConnection2;
        long start = t;
        for (int i = 0; i < 40; i++)
        {
            var mapping = new PortMapping((ushort)random.Next(1025, 65535), random.Chance(0.5) ? "TCP" : "UDP",
                (ushort)random.Next(1025, 65535), camera.Ipv4.ToString(), "miniupnpc", (uint)random.Pick([0, 3600, 0]));
            t += random.Next(300_000, 1_200_000);
            if (v2 && i % 2 == 1)
                (t, _) = igd.Call(t, "AddAnyPortMapping", mapping.AddArguments().ToArray());
            else
                (t, _) = igd.Add(t, mapping);
        }
        ctx.Mark(LabelNames.PortmapAbuse, "igd-map-flood", camera.Ipv4, net.RouterLan.Ipv4, start, t, "40 AddPortMapping in under a minute");
        return t;
    }
}
