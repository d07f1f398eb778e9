using Analyzer.Output;
using Analyzer.Tests.Rules.Support;
using static Analyzer.Tests.Rules.Support.GatewayText;
using static Analyzer.Tests.Rules.Support.Hosts;

namespace Analyzer.Tests.Rules.Ssdp;

public class RogueGatewayRuleTests
{
    private const string OwnServer = "Linux/6.1 UPnP/1.1 MiniUPnPd/2.3.11";
    private const string SecondRouter = "192.168.1.2";
    private const ulong SecondRouterMac = 0x0000_5c62_8b00_0002;

    [Fact]
    public void AHostAnnouncingTheGatewaysBannerUnderItsOwnUuidIsARogueGateway()
    {
        var h = new RuleHarness();
        h.Udp(Router, 1900, SsdpText.Group, 1900, Notify(Router, RouterUuid), RouterMac);
        h.Wait(30).Udp(Rogue, 1900, SsdpText.Group, 1900, Notify(Rogue, RogueUuid, port: 8888), RogueMac);
        h.Wait(30).Udp(Rogue, 1900, SsdpText.Group, 1900, Notify(Rogue, RogueUuid, port: 8888), RogueMac);

        var alert = Assert.Single(AlertAssert.Only(h.Finish(), "ssdp-rogue-gateway"));
        Assert.Equal(Severity.High, alert.Severity);
        Assert.Equal(AlertCategory.RogueDevice, alert.Category);
        Assert.Equal(Rogue, alert.Src.ToString());
        Assert.Equal("192.168.1.66 (0e:00:de:ad:be:ef) announces an InternetGatewayDevice copying the gateway 192.168.1.1 (1c:5f:2b:aa:fd:01): "
            + "its SERVER 'Linux/4.4.60, UPnP/1.0, Portable SDK for UPnP devices/1.14.18', under its own uuid:e5e1c0de-0000-4000-8000-00000000beef, "
            + "LOCATION 'http://192.168.1.66:8888/rootDesc.xml'; no client seen trusting it yet", alert.Summary);
    }

    [Fact]
    public void AnswersToGatewaySearchesCountAsAnnouncements()
    {
        var h = new RuleHarness();
        h.Udp(Router, 1900, SsdpText.Group, 1900, Notify(Router, RouterUuid), RouterMac);
        h.Wait(5).Udp(Client, 50000, SsdpText.Group, 1900, SsdpText.MSearch(Igd), ClientMac);
        h.Udp(Rogue, 1900, Client, 50000, Reply(Rogue, RogueUuid, port: 8888), RogueMac);

        var alert = Assert.Single(AlertAssert.Only(h.Finish(), "ssdp-rogue-gateway"));
        Assert.Equal(Client, alert.Dst.ToString());
    }

    [Fact]
    public void ClientsFetchingTheCopysDescriptionOrSendingItSoapAreNamed()
    {
        var s = new ScenarioCapture()
            .Udp(Router, 1900, SsdpText.Group, 1900, Notify(Router, RouterUuid), RouterMac)
            .Fetch(Client, 50100, ClientMac, Router, RouterMac, Description("Archer C7", "Archer C7", RouterUuid))
            .Wait(20)
            .Udp(Rogue, 1900, SsdpText.Group, 1900, Notify(Rogue, RogueUuid), RogueMac)
            .Fetch(Tv, 50200, TvMac, Rogue, RogueMac, Description("Archer C7", "Archer C7", RogueUuid))
            .Wait(5)
            .Http(Nas, 50300, Rogue, 1900, HttpText.SoapRequest($"{Rogue}:1900", "/ctl/IPConn", HttpText.WanIp, "GetExternalIPAddress", []),
                null, NasMac, RogueMac);

        var alerts = AlertAssert.Only(s.Run().Alerts, "ssdp-rogue-gateway");
        Assert.Equal(2, alerts.Count);
        Assert.Equal("192.168.1.66 (0e:00:de:ad:be:ef) announces an InternetGatewayDevice copying the gateway 192.168.1.1 (1c:5f:2b:aa:fd:01): "
            + "its SERVER 'Linux/4.4.60, UPnP/1.0, Portable SDK for UPnP devices/1.14.18' and friendly name 'Archer C7', "
            + "under its own uuid:e5e1c0de-0000-4000-8000-00000000beef, LOCATION 'http://192.168.1.66:1900/rootDesc.xml'; "
            + "trusted by 192.168.1.40 (fetched its description)", alerts[0].Summary);
        Assert.Equal("192.168.1.30 trusts the rogue gateway 192.168.1.66 (0e:00:de:ad:be:ef): sent it GetExternalIPAddress", alerts[1].Summary);
        Assert.Equal(Nas, alerts[1].Src.ToString());
        Assert.Equal("soap", alerts[1].Protocol);
        Assert.Equal(Rogue, alerts[1].Dst.ToString());
    }

    [Fact]
    public void TheGatewayIsTheHostThatAnswersControlEvenWhenTheCopyIsHeardFirst()
    {
        var h = new RuleHarness();
        h.Udp(Client, 5350, Router, 5351, NatPmpBytes.AddressRequest(), ClientMac);
        h.Udp(Router, 5351, Client, 5350, NatPmpBytes.AddressResponse(RouterWan), RouterMac);
        h.Wait(1).Udp(Rogue, 1900, SsdpText.Group, 1900, Notify(Rogue, RogueUuid, port: 8888), RogueMac);
        h.Wait(1).Udp(Router, 1900, SsdpText.Group, 1900, Notify(Router, RouterUuid), RouterMac);

        var alert = Assert.Single(AlertAssert.Only(h.Finish(), "ssdp-rogue-gateway"));
        Assert.Equal(Rogue, alert.Src.ToString());
    }

    [Fact]
    public void TheConfiguredRouterIsTheGatewayEvenWhenTheCopyIsHeardFirst()
    {
        var network = new Analyzer.Network.NetworkContext();
        network.Routers.Add(Analyzer.Packets.NetAddress.Parse(Router));
        var h = new RuleHarness(network: network);
        h.Udp(Rogue, 1900, SsdpText.Group, 1900, Notify(Rogue, RogueUuid, port: 8888), RogueMac);
        h.Wait(1).Udp(Router, 1900, SsdpText.Group, 1900, Notify(Router, RouterUuid), RouterMac);

        var alert = Assert.Single(AlertAssert.Only(h.Finish(), "ssdp-rogue-gateway"));
        Assert.Equal(Rogue, alert.Src.ToString());
        Assert.Contains("copying the gateway 192.168.1.1 (1c:5f:2b:aa:fd:01)", alert.Summary);
    }

    [Fact]
    public void TheFirstAnnouncerIsTheGatewayWhenNothingElseTellsThemApart()
    {
        // The limit of a passive sensor: a copy heard first, before the router proved itself, is taken for the gateway.
        var h = new RuleHarness();
        h.Udp(Rogue, 1900, SsdpText.Group, 1900, Notify(Rogue, RogueUuid, port: 8888), RogueMac);
        h.Wait(1).Udp(Router, 1900, SsdpText.Group, 1900, Notify(Router, RouterUuid), RouterMac);

        var alert = Assert.Single(AlertAssert.Only(h.Finish(), "ssdp-rogue-gateway"));
        Assert.Equal(Router, alert.Src.ToString());
    }

    [Fact]
    public void TheRealRouterReannouncingFromAnotherAddressIsNotARogue()
    {
        var h = new RuleHarness();
        h.Udp(Router, 1900, SsdpText.Group, 1900, Notify(Router, RouterUuid), RouterMac);
        h.Wait(900).Udp(Router, 1900, SsdpText.Group, 1900, Notify(Router, RouterUuid), RouterMac);
        h.Wait(900).Udp("192.168.1.254", 1900, SsdpText.Group, 1900, Notify("192.168.1.254", RouterUuid), RouterMac);

        AlertAssert.None(h.Finish());
    }

    [Fact]
    public void ASecondGatewayWithItsOwnIdentityInADoubleNatIsNotARogue()
    {
        var h = new RuleHarness();
        h.Udp(Router, 1900, SsdpText.Group, 1900, Notify(Router, RouterUuid), RouterMac);
        h.Wait(10).Udp(SecondRouter, 1900, SsdpText.Group, 1900, Notify(SecondRouter, RogueUuid, OwnServer, 5000), SecondRouterMac);
        h.Wait(900).Udp(SecondRouter, 1900, SsdpText.Group, 1900, Notify(SecondRouter, RogueUuid, OwnServer, 5000), SecondRouterMac);

        AlertAssert.None(h.Finish());
    }

    [Fact]
    public void ASecondGatewayOnTheSameStackButWithItsOwnNameIsNotARogue()
    {
        // Two TP-Link models share the libupnp banner; their descriptions tell them apart.
        var s = new ScenarioCapture()
            .Udp(Router, 1900, SsdpText.Group, 1900, Notify(Router, RouterUuid), RouterMac)
            .Fetch(Client, 50100, ClientMac, Router, RouterMac, Description("Archer C7", "Archer C7", RouterUuid))
            .Wait(10)
            .Udp(SecondRouter, 1900, SsdpText.Group, 1900, Notify(SecondRouter, RogueUuid), SecondRouterMac)
            .Wait(2)
            .Fetch(Client, 50101, ClientMac, SecondRouter, SecondRouterMac, Description("TL-WR841N", "TL-WR841N", RogueUuid));

        AlertAssert.None(s.Run().Alerts);
    }

    [Fact]
    public void ABannerCopyWaitsForTheDescriptionAndIsJudgedOnTheBannerWhenNoneComes()
    {
        var s = new ScenarioCapture()
            .Udp(Router, 1900, SsdpText.Group, 1900, Notify(Router, RouterUuid), RouterMac)
            .Fetch(Client, 50100, ClientMac, Router, RouterMac, Description("Archer C7", "Archer C7", RouterUuid))
            .Wait(10)
            .Udp(Rogue, 1900, SsdpText.Group, 1900, Notify(Rogue, RogueUuid, port: 8888), RogueMac)
            .Wait(120)
            .Udp(Rogue, 1900, SsdpText.Group, 1900, Notify(Rogue, RogueUuid, port: 8888), RogueMac);

        var alert = Assert.Single(AlertAssert.Only(s.Run().Alerts, "ssdp-rogue-gateway"));
        Assert.Contains("copying the gateway 192.168.1.1 (1c:5f:2b:aa:fd:01): its SERVER 'Linux/4.4.60", alert.Summary);
    }

    [Fact]
    public void AMediaServerOnTheSameStackIsNotAGatewayClaim()
    {
        var h = new RuleHarness();
        h.Udp(Router, 1900, SsdpText.Group, 1900, Notify(Router, RouterUuid), RouterMac);
        h.Wait(10).Udp(Nas, 1900, SsdpText.Group, 1900, SsdpText.Notify("urn:schemas-upnp-org:device:MediaServer:1",
            RogueUuid + "::urn:schemas-upnp-org:device:MediaServer:1", $"http://{Nas}:1900/rootDesc.xml", TpLinkServer), NasMac);

        AlertAssert.None(h.Finish());
    }
}
