using Analyzer.Labels;
using Analyzer.Generation.Messages;

namespace Analyzer.Generation.Scenarios;

/// <summary>
/// EternalSilence (Akamai, Nov 2018): through the IGD's WAN-side control URL, permanent TCP mappings from random
/// high external ports to 445 and 139 of addresses guessed across the LAN, described "galleta silenciosa", so that
/// EternalBlue/EternalRed can reach the machines behind the NAT.
/// </summary>
public sealed class EternalSilenceScenario : AttackScenario
{
    public override string Name => "eternalsilence-smb-mapping";
    public override string Description => "attack: from the Internet, permanent mappings to SMB 445/139 sprayed over LAN addresses ('galleta silenciosa')";
    public override string Category => LabelNames.PortmapAbuse;

    public override long Attack(ScenarioContext ctx, long t)
    {
        var net = ctx.Network;
        var random = ctx.Random;
        ctx.Igd.SecureMode = false;
        var attacker = ctx.InternetHost("eternalsilence-injector");
        var wan = net.RouterWan.V4.Address;
        var igd = new IgdClient(ctx, attacker.V4, AttackTools.PickUserAgent(random), ctx.Variation.ScriptHttp, ctx.Variation.ScriptSoap,
            viaWan: true);
        long start = t;
        int count = random.Next(8, 13);
        for (int i = 0; i < count; i++)
        {
            int host = random.Next(2, 255);
            ushort internalPort = random.Chance(0.75) ? (ushort)445 : (ushort)139;
            var mapping = new PortMapping((ushort)random.Next(40000, 60000), "TCP", internalPort, net.LanAddress(host).ToString(),
                "galleta silenciosa", 0);
            long at = t + random.Next(150_000, 700_000);
            (t, _) = igd.Add(at, mapping);
            ctx.Mark(LabelNames.PortmapAbuse, "igd-map-eternalsilence", attacker.Ipv4, wan, at, t,
                $"TCP {mapping.ExternalPort} -> {mapping.InternalClient}:{internalPort}, lease 0");
        }
        ctx.Mark(LabelNames.WanExposure, "igd-control-from-wan", attacker.Ipv4, wan, start, t, "AddPortMapping from the Internet");
        return t;
    }
}
