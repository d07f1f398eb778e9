using Analyzer.Tests.Rules.Support;
using static Analyzer.Tests.Rules.Support.Hosts;

namespace Analyzer.Tests.Rules.Ssdp;

/// <summary>A cloned identity against a firmware-default UUID shared by two devices of their own.</summary>
public class RogueCloneRuleTests
{
    // Two TP-Link routers of different models in a double NAT ship the same default UUIDs (issue 15's false clone).
    private const string DefaultRoot = "uuid:9f0865b3-f5da-4ad5-85b7-7404637fdf37";
    private const string DefaultWan = "uuid:9f0865b3-f5da-4ad5-85b7-7404637fdf38";
    private const string Igd = "urn:schemas-upnp-org:device:InternetGatewayDevice:1";
    private const string Wan = "urn:schemas-upnp-org:device:WANDevice:1";
    private const string ArcherServer = "Linux/3.3.8, UPnP/1.0, Portable SDK for UPnP devices/1.14.18";
    private const string WrServer = "Linux/2.6.36, UPnP/1.0, Portable SDK for UPnP devices/1.14.18";
    private const string Inner = "192.168.1.2";
    private const ulong InnerMac = 0x0000_5c62_8b00_0002;

    private static void Advertise(RuleHarness h, string host, ulong mac, string server, int maxAge = 1800)
    {
        foreach (var (nt, uuid) in new[] { (Igd, DefaultRoot), (Wan, DefaultWan) })
            h.Udp(host, 1900, SsdpText.Group, 1900, SsdpText.Bytes(
                $"NOTIFY * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nCACHE-CONTROL: max-age={maxAge}\r\nLOCATION: http://{host}:1900/gatedesc.xml\r\n"
                + $"NT: {nt}\r\nNTS: ssdp:alive\r\nSERVER: {server}\r\nUSN: {uuid}::{nt}\r\n\r\n"), mac);
    }

    [Fact]
    public void TwoRoutersSharingFirmwareDefaultUuidsEachWithItsOwnBannerAndLocationAreNotClones()
    {
        var h = new RuleHarness();
        for (int round = 0; round < 4; round++)
        {
            Advertise(h, Router, RouterMac, ArcherServer);
            h.Wait(2);
            Advertise(h, Inner, InnerMac, WrServer);
            h.Wait(900);
        }

        AlertAssert.None(h.Finish());
    }

    [Fact]
    public void ASecondMacClaimingTheSameBannerForTheUuidIsAClone()
    {
        var h = new RuleHarness();
        Advertise(h, Router, RouterMac, ArcherServer);
        h.Wait(60);
        Advertise(h, Inner, InnerMac, ArcherServer);

        var alerts = AlertAssert.Only(h.Finish(), "ssdp-rogue-clone");
        Assert.Equal(2, alerts.Count);
        Assert.Equal("uuid:9f0865b3-f5da-4ad5-85b7-7404637fdf37 advertised by 192.168.1.2 (5c:62:8b:00:00:02) was first advertised by 192.168.1.1 (1c:5f:2b:aa:fd:01), "
            + "with the same SERVER 'Linux/3.3.8, UPnP/1.0, Portable SDK for UPnP devices/1.14.18'", alerts[0].Summary);
    }

    [Fact]
    public void ASecondMacSendingFromTheOwnersAddressIsAClone()
    {
        // evil-ssdp's NOTIFY spoofs the victim device's address and keeps its own banner.
        var h = new RuleHarness();
        Advertise(h, Router, RouterMac, ArcherServer);
        h.Wait(60);
        Advertise(h, Router, RogueMac, "Linux/3.10.96+, UPnP/1.0, eSSDP/0.1");

        var alerts = AlertAssert.Only(h.Finish().Where(a => a.Rule != "ssdp-rogue-banner"), "ssdp-rogue-clone");
        Assert.Equal(2, alerts.Count);
        Assert.EndsWith("was first advertised by 192.168.1.1 (1c:5f:2b:aa:fd:01), from the same address", alerts[0].Summary);
    }

    [Fact]
    public void ASecondMacWhoseLocationPointsElsewhereIsAClone()
    {
        var h = new RuleHarness();
        Advertise(h, Router, RouterMac, ArcherServer);
        h.Wait(60).Udp(Inner, 1900, SsdpText.Group, 1900, SsdpText.Notify(Igd, DefaultRoot + "::" + Igd, "http://192.168.1.66:8888/gatedesc.xml", WrServer), InnerMac);

        var clone = Assert.Single(h.Of("ssdp-rogue-clone"));
        Assert.EndsWith("with LOCATION 'http://192.168.1.66:8888/gatedesc.xml' not on itself", clone.Summary);
    }

    [Fact]
    public void AUuidThatMovesWhileItsOwnerGoesQuietIsAClone()
    {
        var h = new RuleHarness();
        Advertise(h, Router, RouterMac, ArcherServer, maxAge: 1800);
        h.Wait(60);
        Advertise(h, Inner, InnerMac, WrServer);
        h.Wait(1200);
        Advertise(h, Inner, InnerMac, WrServer);
        Assert.Empty(h.Alerts);
        h.Wait(1200);
        Advertise(h, Inner, InnerMac, WrServer);

        var alerts = AlertAssert.Only(h.Finish(), "ssdp-rogue-clone");
        Assert.Equal(2, alerts.Count);
        Assert.EndsWith("was first advertised by 192.168.1.1 (1c:5f:2b:aa:fd:01), while it has been silent for 2460 s", alerts[0].Summary);
    }
}
