using Analyzer.Output;
using Analyzer.Tests.Rules.Support;
using static Analyzer.Tests.Rules.Support.Hosts;

namespace Analyzer.Tests.Rules.Banners;

public class VulnerableStackBannerRuleTests
{
    private static byte[] Notify(string nt, string server) =>
        SsdpText.Notify(nt, SsdpText.RootUuid + "::" + nt, $"http://{Router}:5000/rootDesc.xml", server);

    [Fact]
    public void AVulnerableMiniupnpdGivesOneAlertPerDeviceHoweverOftenItAdvertises()
    {
        var h = new RuleHarness();
        for (int i = 0; i < 3; i++)
        {
            foreach (var nt in new[] { "upnp:rootdevice", "urn:schemas-upnp-org:device:InternetGatewayDevice:1", "urn:schemas-upnp-org:service:WANIPConnection:1" })
                h.Udp(Router, 1900, SsdpText.Group, 1900, Notify(nt, "Linux/2.6.36 UPnP/1.1 MiniUPnPd/2.1"));
            h.Wait(900);
        }

        var alert = Assert.Single(AlertAssert.Only(h.Finish(), "ssdp-vuln-stack-banner"));
        Assert.Equal(AlertCategory.VulnerableSoftware, alert.Category);
        Assert.Contains("192.168.1.1 runs miniupnpd 2.1", alert.Summary);
        Assert.Contains("CVE-2019-12107, CVE-2019-12108, CVE-2019-12109, CVE-2019-12110, CVE-2019-12111, CVE-2026-5720", alert.Summary);
    }

    [Fact]
    public void ACurrentMiniupnpdIsNotReported()
    {
        var h = new RuleHarness();
        h.Udp(Router, 1900, SsdpText.Group, 1900, Notify("upnp:rootdevice", "Linux/6.1 UPnP/1.1 MiniUPnPd/2.3.11"));

        AlertAssert.None(h.Finish());
    }

    [Fact]
    public void AVersionThatOnlyLooksOldAsTextIsComparedAsANumber()
    {
        // "2.3.10" sorts before "2.3.9" as text; as a version it is the fixed release.
        var h = new RuleHarness();
        h.Udp(Router, 1900, SsdpText.Group, 1900, Notify("upnp:rootdevice", "Linux UPnP/1.1 MiniUPnPd/2.3.10"));

        AlertAssert.None(h.Finish());
    }

    [Fact]
    public void AVulnerableMiniupnpcUserAgentIsReportedForTheClient()
    {
        var h = new RuleHarness();
        h.Udp(Client, 50000, SsdpText.Group, 1900, SsdpText.MSearch("urn:schemas-upnp-org:device:InternetGatewayDevice:1", userAgent: "Linux UPnP/1.1 MiniUPnPc/1.9"));

        var alert = Assert.Single(AlertAssert.Only(h.Finish(), "ssdp-vuln-stack-banner"));
        Assert.Equal(Client, alert.Src.ToString());
        Assert.Contains("CVE-2015-6031, CVE-2017-8798", alert.Summary);
    }

    [Fact]
    public void ADescriptionOnMiniigdsPortAndPathIsTheRealtekSdk()
    {
        var h = new RuleHarness();
        h.Udp(Router, 1900, SsdpText.Group, 1900, SsdpText.Notify("upnp:rootdevice", SsdpText.RootUuid + "::upnp:rootdevice",
            $"http://{Router}:52869/picdesc.xml", "OS 1.0 UPnP/1.0 Realtek/V1.3"));

        var alert = Assert.Single(AlertAssert.Only(h.Finish(), "ssdp-vuln-stack-banner"));
        Assert.Contains("realtek-miniigd", alert.Summary);
        Assert.Contains("CVE-2014-8361, CVE-2021-35393", alert.Summary);
    }

    [Fact]
    public void ABannerFromOutsideTheHomeIsNotAnAssetFinding()
    {
        var h = new RuleHarness(rules: [new Analyzer.Rules.Banners.VulnerableStackBannerRule()]);
        h.Udp(Outside, 1900, Client, 50000, SsdpText.Response("upnp:rootdevice", SsdpText.RootUuid + "::upnp:rootdevice",
            $"http://{Outside}:5000/d.xml", "Linux UPnP/1.0 miniupnpd/1.0"));

        AlertAssert.None(h.Finish());
    }
}
