using Analyzer.Labels;
using Analyzer.Generation.Messages;

namespace Analyzer.Generation.Scenarios;

/// <summary>
/// Reading the router's NAT table: GetGenericPortMappingEntry with index 0, 1, 2, … until fault 713, then a
/// brute force of GetSpecificPortMappingEntry over common ports, mostly answered 714 NoSuchEntryInArray.
/// </summary>
public sealed class EnumerationSweepScenario : AttackScenario
{
    public override string Name => "enumeration-sweep";
    public override string Description => "attack: GetGenericPortMappingEntry sweep to fault 713 and GetSpecificPortMappingEntry brute force (714)";
    public override string Category => LabelNames.Recon;

    public override long Attack(ScenarioContext ctx, long t)
    {
        var net = ctx.Network;
        var random = ctx.Random;
        // A busy household: consoles, P2P clients and the NAS have 22 mappings between them.
        var owners = new[] { net.Console, net.Laptop, net.Nas, net.WindowsPc };
        for (int i = 0; i < 22; i++)
        {
            var owner = owners[i % owners.Length];
            ushort port = (ushort)(20000 + i * 37 + random.Next(0, 30));
            ctx.Igd.Preload(new PortMapping(port, i % 3 == 0 ? "UDP" : "TCP", port, owner.Host.Ipv4.ToString(), $"app {i}", 3600));
        }

        var attacker = net.Camera.Host;
        var router = net.RouterLan.Ipv4;
        var igd = new IgdClient(ctx, attacker.V4, AttackTools.PickUserAgent(random), ctx.Variation.ScriptHttp, ctx.Variation.ScriptSoap);
        long start = t;
        bool fault = false;
        for (int index = 0; !fault; index++)
            (t, fault) = igd.GetGeneric(t + random.Next(50_000, 300_000), index);
        ctx.Mark(LabelNames.Recon, "igd-enum-sweep", attacker.Ipv4, router, start, t, "GetGenericPortMappingEntry 0.. until 713");

        long bruteStart = t + random.Next(500_000, 2_000_000);
        t = bruteStart;
        ushort[] common = [21, 22, 23, 25, 53, 80, 110, 143, 443, 445, 554, 1194, 1433, 1723, 1900, 2323, 3074, 3306, 3389, 3478, 3479,
            4500, 5000, 5060, 5353, 5900, 6881, 6969, 7547, 8000, 8008, 8009, 8080, 8443, 8888, 9000, 9100, 10000, 25565, 27015,
            32400, 37215, 49152, 51413, 52869, 20037, 20074, 20111, 20148, 20185, 20222, 20259, 20296, 20333, 20370];
        foreach (ushort port in common)
            (t, _) = igd.GetSpecific(t + random.Next(30_000, 250_000), port, random.Chance(0.5) ? "TCP" : "UDP");
        ctx.Mark(LabelNames.Recon, "igd-enum-sweep", attacker.Ipv4, router, bruteStart, t,
            $"GetSpecificPortMappingEntry over {common.Length} ports");
        return t;
    }
}
