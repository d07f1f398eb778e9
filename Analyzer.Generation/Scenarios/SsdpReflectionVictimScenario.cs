using Analyzer.Labels;
using Analyzer.Generation.Messages;
using Analyzer.Generation.Network;

namespace Analyzer.Generation.Scenarios;

/// <summary>
/// The home as the target of an SSDP reflection attack: 200 OK answers from port 1900 of dozens of Internet
/// reflectors pour into the WAN address, though nobody at home searched for anything. A legitimate search on the LAN
/// just before shows what solicited answers look like.
/// </summary>
public sealed class SsdpReflectionVictimScenario : AttackScenario
{
    // Banners of current stacks only: the reflectors' software is not what this capture is about.
    private static readonly string[] ReflectorBanners =
    [
        "Linux/5.4.0 UPnP/1.1 MiniUPnPd/2.3.10", "Linux/4.9.0, UPnP/1.0, Portable SDK for UPnP devices/1.14.18",
        "RouterOS/6.48.6 UPnP/1.0", "Linux UPnP/1.0 Sonos/72.2-32100 (ZPS12)", "OpenWRT/23.05.3 UPnP/1.1 MiniUPnPd/2.3.11",
        "Windows/10.0 UPnP/1.0 UPnP-Device-Host/1.0",
    ];

    public override string Name => "ssdp-reflection-victim";
    public override string Description => "attack: unsolicited SSDP 200 OK flood from 30 Internet reflectors to the home's WAN address";
    public override string Category => LabelNames.ReflectionDdos;

    public override long Attack(ScenarioContext ctx, long t)
    {
        var net = ctx.Network;
        var random = ctx.Random;
        t = HomeActivity.SsdpSearch(ctx, t, net.WindowsPc, SsdpMessages.All, [net.Router, net.Tv], false, 2);

        var wan = net.RouterWan.V4;
        ushort victimPort = (ushort)random.Next(1024, 65535);
        long start = t + random.Next(1_000_000, 2_000_000);
        long end = start;
        string[] types = [SsdpMessages.RootDevice, IgdServiceType.InternetGatewayDevice1, IgdServiceType.WanIpConnection1,
            "urn:schemas-upnp-org:device:MediaRenderer:1", "urn:schemas-upnp-org:service:ContentDirectory:1"];
        for (int r = 0; r < 30; r++)
        {
            var reflector = ctx.InternetHost($"reflector-{r}");
            string udn = $"uuid:{random.Uuid()}";
            string server = random.Pick(ReflectorBanners);
            string location = $"http://{reflector.Ipv4}:{random.Pick([1900, 5000, 49152, 2869])}/rootDesc.xml";
            long at = start + random.Next(0, 500_000);
            for (int i = 0; i < 6; i++)
            {
                at += random.Next(50_000, 700_000);
                string st = types[i % types.Length];
                ctx.Udp(at, reflector.V4, SsdpMessages.Port, wan, victimPort,
                    SsdpMessages.SearchResponse(st, SsdpMessages.Usn(udn, st), location, server, at));
            }
            end = Math.Max(end, at);
        }
        ctx.Mark(LabelNames.ReflectionDdos, "ssdp-reflection-victim", null, wan.Address, start, end,
            $"unsolicited 200 OK from 30 reflectors to port {victimPort}");
        return end;
    }
}
