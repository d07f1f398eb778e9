using Analyzer.Labels;
using Analyzer.Generation.Messages;
using Analyzer.Generation.Network;

namespace Analyzer.Generation.Scenarios;

/// <summary>
/// Old gadgets whose UPnP stacks have known holes announce themselves: a NAS on libupnp 1.6.6 (CVE-2012-5958 family),
/// a Wi-Fi extender on miniupnpd 1.0 (CVE-2013-0229/0230) and a media player on the Intel SDK. Their SERVER banners
/// show in NOTIFY, in answers to the PC's search and in the HTTP answer to the description fetch. An asset finding:
/// no attacker.
/// </summary>
public sealed class VulnerableBannersScenario : AttackScenario
{
    public override string Name => "vulnerable-banners";
    public override string Description => "finding: LAN devices advertise vulnerable stacks (libupnp 1.6.6, miniupnpd 1.0, Intel SDK)";
    public override string Category => LabelNames.VulnerableSoftware;

    public override long Attack(ScenarioContext ctx, long t)
    {
        var net = ctx.Network;
        var random = ctx.Random;
        var devices = new[]
        {
            net.ExtraDevice(DeviceKind.Nas, "old-nas", random, "NAS-200", "Generic", "NAS-200",
                "Linux/2.6.12, UPnP/1.0, Portable SDK for UPnP devices/1.6.6", "Linux/2.6.12 UPnP/1.0",
                "urn:schemas-upnp-org:device:MediaServer:1", 49152, "/description.xml",
                "urn:schemas-upnp-org:service:ContentDirectory:1", "urn:schemas-upnp-org:service:ConnectionManager:1"),
            net.ExtraDevice(DeviceKind.Extender, "extender", random, "WiFi Repeater", "Generic", "WR-300N",
                "Linux/2.6.21 UPnP/1.0 miniupnpd/1.0", "Linux/2.6.21 UPnP/1.0", "urn:schemas-upnp-org:device:InternetGatewayDevice:1",
                5555, "/rootDesc.xml", "urn:schemas-upnp-org:service:Layer3Forwarding:1"),
            net.ExtraDevice(DeviceKind.MediaPlayer, "media-player", random, "Living Room Player", "Generic", "MP-1",
                "Linux/2.4.20, UPnP/1.0, Intel SDK for UPnP devices /1.2", "Linux/2.4.20 UPnP/1.0",
                "urn:schemas-upnp-org:device:MediaRenderer:1", 49153, "/description.xml",
                "urn:schemas-upnp-org:service:AVTransport:1", "urn:schemas-upnp-org:service:RenderingControl:1"),
        };

        var first = new long[devices.Length];
        for (int i = 0; i < devices.Length; i++)
        {
            first[i] = t + random.Next(200_000, 1_500_000);
            t = HomeActivity.SsdpAnnounce(ctx, first[i], devices[i], ipv6: false);
        }
        t = HomeActivity.SsdpSearch(ctx, t + random.Next(1_000_000, 3_000_000), net.WindowsPc, SsdpMessages.All,
            [net.Router, .. devices], false, 2);
        for (int i = 0; i < devices.Length; i++)
        {
            t = HomeActivity.FetchDescription(ctx, t + random.Next(50_000, 400_000), net.WindowsPc, devices[i], ipv6: false);
            ctx.Mark(LabelNames.VulnerableSoftware, "ssdp-vuln-stack-banner", null, devices[i].Host.Ipv4, first[i], t,
                $"SERVER {devices[i].Server}");
        }
        return t;
    }
}
