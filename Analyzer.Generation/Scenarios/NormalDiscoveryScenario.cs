using Analyzer.Generation.Messages;
using Analyzer.Generation.Network;

namespace Analyzer.Generation.Scenarios;

/// <summary>
/// A quiet minute of a home network: devices announce themselves, Windows finds the router's IGD, reads its
/// description, asks for the external address and subscribes to its events; a phone looks for DIAL screens; a media
/// app searches for everything; the TV browses the NAS; mDNS, DNS, ARP and HTTPS run underneath.
/// </summary>
public sealed class NormalDiscoveryScenario : BenignScenario
{
    public override string Name => "normal-discovery";
    public override string Description => "benign: SSDP announcements and searches, description fetches, IGD status queries, GENA, mDNS, DNS, HTTPS";

    public override long Run(ScenarioContext ctx, long t)
    {
        var net = ctx.Network;
        var random = ctx.Random;
        bool ipv6 = ctx.Variation.PreferIpv6;

        t = HomeActivity.Arp(ctx, t, net.WindowsPc.Host, net.RouterLan);
        foreach (var device in new[] { net.Router, net.Tv, net.Speaker, net.Nas, net.Camera })
            t = HomeActivity.SsdpAnnounce(ctx, t + random.Next(50_000, 400_000), device, ipv6 && device.Kind != DeviceKind.Router);

        // Windows' network list: find the IGD, read it, poll its status, subscribe to its events.
        t = HomeActivity.SsdpSearch(ctx, t + 300_000, net.WindowsPc, net.Igd.DeviceType, [net.Router], ipv6: false, mx: 2);
        t = HomeActivity.FetchDescription(ctx, t + random.Next(2_000, 20_000), net.WindowsPc, net.Router, ipv6: false);
        foreach (string action in new[] { "GetExternalIPAddress", "GetStatusInfo" })
            (t, _) = ctx.IgdCall(t + random.Next(5_000, 60_000), net.WindowsPc.Host.V4, viaWan: false, net.WindowsPc.UserAgent,
                HttpStyle.Standard, SoapStyle.Windows, action, []);
        t = HomeActivity.SubscribeToIgd(ctx, t + random.Next(10_000, 80_000), net.WindowsPc, 2869,
            $"/upnp/eventing/{random.Alphanumeric(10)}");

        // The phone's YouTube app looks for screens, and reads what it found.
        long found = HomeActivity.SsdpSearch(ctx, t + 500_000, net.Phone, HomeNetwork.DialService, [net.Tv, net.Chromecast], ipv6, 1,
            net.Phone.UserAgent);
        t = HomeActivity.FetchDescription(ctx, found + random.Next(2_000, 20_000), net.Phone, net.Tv, ipv6);
        t = HomeActivity.FetchDescription(ctx, t + random.Next(2_000, 20_000), net.Phone, net.Chromecast, ipv6);
        t = HomeActivity.MdnsCastDiscovery(ctx, t + 200_000, net.Phone, net.Chromecast);

        // A media app on the laptop asks for everything; every device answers every advertisement.
        t = HomeActivity.SsdpSearch(ctx, t + 700_000, net.Laptop, SsdpMessages.All,
            [net.Router, net.Tv, net.Speaker, net.Nas, net.Camera], ipv6: false, mx: 3, "Linux/6.1 UPnP/1.0 VLC/3.0.20");

        // The TV browses the NAS's media server; the speaker looks for its peers.
        t = HomeActivity.SsdpSearch(ctx, t + 400_000, net.Tv, "urn:schemas-upnp-org:device:MediaServer:1", [net.Nas], ipv6: false, 2);
        t = HomeActivity.FetchDescription(ctx, t + random.Next(2_000, 20_000), net.Tv, net.Nas, ipv6: false);
        t = HomeActivity.SsdpSearch(ctx, t + 300_000, net.Speaker, "urn:schemas-upnp-org:device:ZonePlayer:1", [], false, 1);
        t = HomeActivity.Https(ctx, t + 200_000, net.Speaker.Host, "ws.sonos.com", 3_000);
        return t;
    }
}
