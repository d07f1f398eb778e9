using Analyzer.Labels;
using Analyzer.Generation.Messages;

namespace Analyzer.Generation.Scenarios;

/// <summary>
/// The router used as an SSDP reflector: unicast <c>M-SEARCH ssdp:all</c> with a spoofed source (the DDoS target)
/// arrives at the WAN address again and again, and each draws one 200 OK per advertisement back to the target.
/// </summary>
public sealed class SsdpReflectionTriggerScenario : AttackScenario
{
    public override string Name => "ssdp-reflection-trigger";
    public override string Description => "attack: spoofed ssdp:all M-SEARCH to the WAN address, the router reflects amplified 200 OKs";
    public override string Category => LabelNames.ReflectionDdos;

    public override long Attack(ScenarioContext ctx, long t)
    {
        var net = ctx.Network;
        var random = ctx.Random;
        var target = ctx.InternetHost("ddos-target");
        var wan = net.RouterWan.V4;
        string location = $"http://{net.RouterWan.Ipv4}:{net.Igd.ControlPort}{net.Igd.DescriptionPath}";
        ushort port = (ushort)random.Next(1024, 65535);
        // Bots skip USER-AGENT and use the bare minimum of headers; the HOST names the multicast group out of habit.
        var search = SsdpMessages.MSearch(HttpStyle.Standard, SsdpMessages.Ipv4Host, SsdpMessages.All, 1);
        var advertisements = UpnpAdvertisements.For(net.Router);
        long start = t;
        for (int i = 0; i < 25; i++)
        {
            t += random.Next(150_000, 450_000);
            ctx.Udp(t, target.V4, port, wan, SsdpMessages.Port, search);
            long at = t;
            foreach (var advertisement in advertisements)
            {
                at += random.Next(300, 3_000);
                ctx.Udp(at, wan, SsdpMessages.Port, target.V4, port,
                    SsdpMessages.SearchResponse(advertisement.Nt, advertisement.Usn, location, net.Igd.Server, at));
            }
        }
        ctx.Mark(LabelNames.ReflectionDdos, "ssdp-amplification-trigger", target.Ipv4, wan.Address, start, t + 40_000,
            $"25 spoofed ssdp:all searches, {advertisements.Count} answers each to the spoofed source");
        return t + 40_000;
    }
}
