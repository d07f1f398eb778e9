using Analyzer.Generation.Messages;

namespace Analyzer.Generation.Scenarios;

/// <summary>
/// A game console opens its own ports through the IGD the way consoles do: find the IGD, read its description, ask
/// for the external address, check whether its port is taken, map it (and, when another host already holds it,
/// take the next port after fault 718), with finite leases, and remove the mappings when the game ends.
/// </summary>
public sealed class ConsolePortMappingScenario : BenignScenario
{
    public override string Name => "console-port-mapping";
    public override string Description => "benign: a console maps its own UDP/TCP ports through UPnP IGD with finite leases, conflict fault 718 included";

    public override long Run(ScenarioContext ctx, long t)
    {
        var net = ctx.Network;
        var random = ctx.Random;
        var console = net.Console;
        // The laptop mapped 3074 earlier for a PC game: the console's first choice collides with it.
        ctx.Igd.Preload(new PortMapping(3074, "UDP", 3074, net.Laptop.Host.Ipv4.ToString(), "Steam", 3600));

        t = HomeActivity.SsdpSearch(ctx, t, console, "urn:schemas-upnp-org:device:InternetGatewayDevice:1", [net.Router], false, 2);
        t = HomeActivity.FetchDescription(ctx, t + random.Next(2_000, 15_000), console, net.Router, false);
        var igd = new IgdClient(ctx, console.Host.V4, console.UserAgent, HttpStyle.Standard, SoapStyle.MiniUpnpc);
        (t, _) = igd.Call(t + random.Next(5_000, 40_000), "GetExternalIPAddress");

        string self = console.Host.Ipv4.ToString();
        var mappings = new List<PortMapping>();
        foreach (var (port, protocol) in new[] { ((ushort)3074, "UDP"), ((ushort)3075, "TCP") })
        {
            // Consoles look before they map, but map anyway: the answer 718 is what makes them move to another port.
            (t, _) = igd.GetSpecific(t + random.Next(5_000, 30_000), port, protocol);
            var mapping = new PortMapping(port, protocol, port, self, $"Xbox ({port}) {protocol}", 3600);
            (t, bool fault) = igd.Add(t + random.Next(5_000, 30_000), mapping);
            if (fault)
            {
                mapping = mapping with { ExternalPort = (ushort)(port + 1000), Description = $"Xbox ({port + 1000}) {protocol}" };
                (t, _) = igd.Add(t + random.Next(5_000, 30_000), mapping);
            }
            mappings.Add(mapping);
        }

        // Game traffic through the new mapping: a peer on the Internet reaches the console.
        var peer = ctx.InternetHost("xbox-peer");
        ushort peerPort = (ushort)random.Next(30000, 60000);
        for (int i = 0; i < 6; i++)
        {
            t += random.Next(20_000, 120_000);
            ctx.Udp(t, peer.V4, peerPort, console.Host.V4, mappings[0].InternalPort, random.Bytes(random.Next(60, 300)));
            t += random.Next(1_000, 30_000);
            ctx.Udp(t, console.Host.V4, mappings[0].InternalPort, peer.V4, peerPort, random.Bytes(random.Next(60, 300)));
        }
        t = HomeActivity.Https(ctx, t + 200_000, console.Host, "xsts.auth.xboxlive.com", 6_000);

        foreach (var mapping in mappings)
            (t, _) = igd.Delete(t + random.Next(500_000, 2_000_000), mapping);
        return t;
    }
}
