using Analyzer.Output;
using Analyzer.Tests.Rules.Support;
using static Analyzer.Tests.Rules.Support.Hosts;

namespace Analyzer.Tests.Rules.Ssdp;

public class SsdpRogueRuleTests
{
    private const string MediaServer = "urn:schemas-upnp-org:device:MediaServer:1";

    [Fact]
    public void AnAdvertisementPointingOutsideTheLanIsRogue()
    {
        var h = new RuleHarness();
        h.Udp(Tv, 1900, SsdpText.Group, 1900, SsdpText.Notify(MediaServer, SsdpText.RootUuid + "::" + MediaServer,
            $"http://{Outside}:8888/ssdp/device-desc.xml"), TvMac);

        var alert = Assert.Single(AlertAssert.Only(h.Finish(), "ssdp-rogue-location"));
        Assert.Equal(Severity.High, alert.Severity);
        Assert.Contains("points LOCATION outside the LAN", alert.Summary);
    }

    [Fact]
    public void AnAdvertisementPointingAtAnotherLanHostIsRogue()
    {
        var h = new RuleHarness();
        h.Udp(Nas, 1900, SsdpText.Group, 1900, SsdpText.Notify("upnp:rootdevice", SsdpText.RootUuid + "::upnp:rootdevice", $"http://{Nas}:5000/d.xml"), NasMac);
        h.Udp(Client, 1900, SsdpText.Group, 1900, SsdpText.Notify("upnp:rootdevice", "uuid:11111111-2222-3333-4444-555555555555::upnp:rootdevice",
            $"http://{Nas}:8888/ssdp/device-desc.xml"), RogueMac);

        var alert = Assert.Single(AlertAssert.Only(h.Finish(), "ssdp-rogue-location"));
        Assert.Equal(Severity.Medium, alert.Severity);
        Assert.Contains("at another LAN host 192.168.1.30", alert.Summary);
    }

    [Fact]
    public void ADeviceAdvertisingTheUrlOfItsOtherAddressIsOneDevice()
    {
        // A multi-homed NAS: both addresses were seen sending from the same MAC.
        var h = new RuleHarness();
        h.Udp("192.168.1.31", 1900, SsdpText.Group, 1900, SsdpText.MSearch("ssdp:all"), NasMac);
        h.Udp(Nas, 1900, SsdpText.Group, 1900, SsdpText.Notify("upnp:rootdevice", SsdpText.RootUuid + "::upnp:rootdevice", "http://192.168.1.31:5000/d.xml"), NasMac);

        AlertAssert.None(h.Finish());
    }

    [Fact]
    public void AReplyEchoingSsdpAllIsAnEchoResponder()
    {
        var h = new RuleHarness();
        h.Udp(Client, 50000, SsdpText.Group, 1900, SsdpText.MSearch("ssdp:all"));
        h.Udp("192.168.1.66", 1900, Client, 50000, SsdpText.Response("ssdp:all", "uuid:e5e1::ssdp:all", "http://192.168.1.66:8888/ssdp/device-desc.xml"));

        var alert = Assert.Single(AlertAssert.Only(h.Finish(), "ssdp-rogue-echo"));
        Assert.Contains("answers a search with ST ssdp:all", alert.Summary);
    }

    [Fact]
    public void AResponderAnsweringTwoRandomCanaryTargetsEchoesEverything()
    {
        var h = new RuleHarness();
        foreach (var canary in new[] { "d:n:n", "x7q:kk2" })
        {
            h.Udp(Client, 50000, SsdpText.Group, 1900, SsdpText.MSearch(canary));
            h.Udp("192.168.1.66", 1900, Client, 50000, SsdpText.Response(canary, "uuid:e5e1::" + canary, "http://192.168.1.66:8888/ssdp/device-desc.xml"));
            h.Wait(10);
        }

        var alert = Assert.Single(AlertAssert.Only(h.Finish(), "ssdp-rogue-echo"));
        Assert.Contains("2 distinct non-standard search targets", alert.Summary);
    }

    [Fact]
    public void ARokuAnsweringItsOwnVendorTargetIsNotAnEcho()
    {
        var h = new RuleHarness();
        for (int i = 0; i < 3; i++)
        {
            h.Udp(Client, 50000, SsdpText.Group, 1900, SsdpText.MSearch("roku:ecp"));
            h.Udp(Tv, 1900, Client, 50000, SsdpText.Response("roku:ecp", "uuid:roku:ecp:YH00AA123456", $"http://{Tv}:8060/", "Roku/9.1.0 UPnP/1.0 Roku/9.1.0"));
            h.Wait(30);
        }

        AlertAssert.None(h.Finish());
    }

    [Fact]
    public void TheEvilSsdpBannerIsAnAttackTool()
    {
        var h = new RuleHarness();
        h.Udp(Client, 50000, SsdpText.Group, 1900, SsdpText.MSearch("upnp:rootdevice"));
        h.Udp("192.168.1.66", 1900, Client, 50000, SsdpText.Response("upnp:rootdevice", "uuid:e5e1::upnp:rootdevice",
            "http://192.168.1.66:8888/ssdp/device-desc.xml", "Linux/3.10.96+, UPnP/1.0, eSSDP/0.1"));

        var alert = Assert.Single(AlertAssert.Only(h.Finish(), "ssdp-rogue-banner"));
        Assert.Contains("essdp 0.1", alert.Summary);
    }

    [Fact]
    public void AChromecastServingItsDescriptionOnPort8008IsNotRogue()
    {
        var h = new RuleHarness();
        h.Udp(Client, 50000, SsdpText.Group, 1900, SsdpText.MSearch("urn:dial-multiscreen-org:service:dial:1"));
        h.Udp(Tv, 1900, Client, 50000, SsdpText.Response("urn:dial-multiscreen-org:service:dial:1", "uuid:79d88e83-725c-b71b-bad0-5862d5b22386::urn:dial-multiscreen-org:service:dial:1",
            $"http://{Tv}:8008/ssdp/device-desc.xml", "Linux/3.8.13+, UPnP/1.0, Portable SDK for UPnP devices/1.14.18"), TvMac);

        AlertAssert.None(h.Finish());
    }

    [Fact]
    public void OneUuidFromASecondMacIsAClone()
    {
        var h = new RuleHarness();
        var notify = SsdpText.Notify("upnp:rootdevice", SsdpText.RootUuid + "::upnp:rootdevice", $"http://{Nas}:5000/d.xml");
        h.Udp(Nas, 1900, SsdpText.Group, 1900, notify, NasMac);
        h.Wait(60).Udp("192.168.1.66", 1900, SsdpText.Group, 1900,
            SsdpText.Notify("upnp:rootdevice", SsdpText.RootUuid + "::upnp:rootdevice", "http://192.168.1.66:5000/d.xml"), RogueMac);
        h.Wait(60).Udp("192.168.1.66", 1900, SsdpText.Group, 1900,
            SsdpText.Notify("upnp:rootdevice", SsdpText.RootUuid + "::upnp:rootdevice", "http://192.168.1.66:5000/d.xml"), RogueMac);

        var alert = Assert.Single(AlertAssert.Only(h.Finish(), "ssdp-rogue-clone"));
        Assert.Contains("was first advertised by 192.168.1.30 (00:11:32:00:00:30)", alert.Summary);
    }

    [Fact]
    public void ADeviceThatChangesItsAddressKeepsItsMacAndIsNotAClone()
    {
        var h = new RuleHarness();
        h.Udp(Nas, 1900, SsdpText.Group, 1900, SsdpText.Notify("upnp:rootdevice", SsdpText.RootUuid + "::upnp:rootdevice", $"http://{Nas}:5000/d.xml"), NasMac);
        h.Wait(3600).Udp("192.168.1.31", 1900, SsdpText.Group, 1900,
            SsdpText.Notify("upnp:rootdevice", SsdpText.RootUuid + "::upnp:rootdevice", "http://192.168.1.31:5000/d.xml"), NasMac);

        AlertAssert.None(h.Finish());
    }
}
