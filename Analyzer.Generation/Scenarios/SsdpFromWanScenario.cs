using Analyzer.Labels;
using Analyzer.Generation.Messages;

namespace Analyzer.Generation.Scenarios;

/// <summary>
/// Internet scanners send unicast M-SEARCH to the router's WAN address and the router answers them with its
/// LOCATION and SERVER: SSDP exposed on the public side (Rapid7 2013; Akamai's 4.8M responders).
/// </summary>
public sealed class SsdpFromWanScenario : AttackScenario
{
    public override string Name => "ssdp-from-wan";
    public override string Description => "attack: M-SEARCH from the Internet to the router's WAN address, answered with 200 OK";
    public override string Category => LabelNames.WanExposure;

    public override long Attack(ScenarioContext ctx, long t)
    {
        var net = ctx.Network;
        var random = ctx.Random;
        var wan = net.RouterWan.V4;
        string location = $"http://{net.RouterWan.Ipv4}:{net.Igd.ControlPort}{net.Igd.DescriptionPath}";
        var scans = new[] { ("census-scanner", "upnp:rootdevice"), ("igd-scanner", "urn:schemas-upnp-org:device:InternetGatewayDevice:1") };
        foreach (var (name, st) in scans)
        {
            var scanner = ctx.InternetHost(name);
            ushort port = (ushort)random.Next(30000, 65000);
            long sent = t + random.Next(500_000, 3_000_000);
            ctx.Udp(sent, scanner.V4, port, wan, SsdpMessages.Port,
                SsdpMessages.MSearch(ctx.Variation.ScriptHttp, ScenarioContext.HostPort(wan.Address, SsdpMessages.Port), st, 1));
            long answered = sent + random.Next(2_000, 200_000);
            string usn = SsdpMessages.Usn(net.Router.Udn, st);
            ctx.Udp(answered, wan, SsdpMessages.Port, scanner.V4, port,
                SsdpMessages.SearchResponse(st, usn, location, net.Igd.Server, answered));
            ctx.Mark(LabelNames.WanExposure, "ssdp-msearch-from-wan", scanner.Ipv4, wan.Address, sent, sent, $"ST {st}");
            ctx.Mark(LabelNames.WanExposure, "ssdp-wan-exposed", scanner.Ipv4, wan.Address, answered, answered,
                "the router answers the Internet with its LOCATION");
            t = answered;
        }
        return t;
    }
}
