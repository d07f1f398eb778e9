using Analyzer.Output;
using Analyzer.Tests.Rules.Support;
using static Analyzer.Tests.Rules.Support.Hosts;

namespace Analyzer.Tests.Rules.Ssdp;

public class SsdpExposureRuleTests
{
    private static byte[] RootReply(string host) =>
        SsdpText.Response("upnp:rootdevice", SsdpText.RootUuid + "::upnp:rootdevice", $"http://{host}:5000/rootDesc.xml");

    [Fact]
    public void AUnicastSearchFromOutsideIsReconOfTheWanSide()
    {
        var h = new RuleHarness();
        h.Udp(Attacker, 40000, Router, 1900, SsdpText.MSearch("urn:schemas-upnp-org:device:InternetGatewayDevice:1"));

        var alert = Assert.Single(AlertAssert.Only(h.Finish(), "ssdp-msearch-from-wan"));
        Assert.Equal(AlertCategory.WanExposure, alert.Category);
        Assert.Equal(Severity.Low, alert.Severity);
    }

    [Fact]
    public void ASearchToTheMulticastGroupFromAnOddlyNumberedLocalHostIsNotFromTheWan()
    {
        // Multicast SSDP never crosses the router: the sender is on the link whatever its address (seen in a
        // conformance capture whose LAN uses public addresses).
        var h = new RuleHarness();
        h.Udp("1.20.121.102", 43239, SsdpText.Group, 1900, SsdpText.MSearch("urn:dial-multiscreen-org:service:dial:1"));

        AlertAssert.None(h.Finish());
    }

    [Fact]
    public void ALanDeviceAnsweringAnOutsideHostIsExposed()
    {
        var h = new RuleHarness();
        h.Udp(Attacker, 40000, Router, 1900, SsdpText.MSearch("upnp:rootdevice"));
        h.Udp(Router, 1900, Attacker, 40000, RootReply(Router));

        var alert = Assert.Single(h.Of("ssdp-wan-exposed"));
        Assert.Equal(Severity.High, alert.Severity);
        Assert.Contains("SSDP reply to 203.0.113.50 outside the LAN", alert.Summary);
    }

    [Fact]
    public void ALanDeviceAnsweringALanSearcherIsNormal()
    {
        var h = new RuleHarness();
        h.Udp(Client, 50000, SsdpText.Group, 1900, SsdpText.MSearch("ssdp:all"));
        h.Wait(0.2).Udp(Router, 1900, Client, 50000, RootReply(Router));

        AlertAssert.None(h.Finish());
    }

    [Fact]
    public void RepeatedSsdpAllSearchesFromOutsideTriggerReflection()
    {
        var h = new RuleHarness();
        h.Udp(Attacker, 40000, RouterWan, 1900, SsdpText.MSearch("ssdp:all", mx: 1));
        h.Wait(5).Udp(Attacker, 40000, RouterWan, 1900, SsdpText.MSearch("ssdp:all", mx: 1));

        var alert = Assert.Single(h.Of("ssdp-amplification-trigger"));
        Assert.Equal(AlertCategory.ReflectionDdos, alert.Category);
        Assert.Contains("2 broad searches", alert.Summary);
    }

    [Fact]
    public void AReflectorSendingTenTimesTheRequestBytesToAnOutsideHostIsAnAmplifier()
    {
        var h = new RuleHarness();
        h.Udp(Attacker, 40000, Router, 1900, SsdpText.MSearch("ssdp:all", mx: 1));
        for (int i = 0; i < 20; i++) h.Udp(Router, 1900, Attacker, 40000, RootReply(Router));

        var alert = Assert.Single(h.Of("ssdp-amplification-trigger"));
        Assert.Contains("amplification ×", alert.Summary);
    }

    [Fact]
    public void BroadSearchesAndRepliesOnTheLanNeverCountAsAmplification()
    {
        var h = new RuleHarness();
        for (int i = 0; i < 10; i++)
        {
            h.Udp(Client, 50000, SsdpText.Group, 1900, SsdpText.MSearch("ssdp:all", mx: 1));
            for (int j = 0; j < 20; j++) h.Udp(Router, 1900, Client, 50000, RootReply(Router));
            h.Wait(3);
        }

        AlertAssert.None(h.Finish());
    }

    [Fact]
    public void UnsolicitedRepliesFromManyRespondersMakeAReflectionVictim()
    {
        var h = new RuleHarness();
        for (int i = 1; i <= 25; i++)
        {
            var reflector = $"192.0.2.{i}";
            h.Udp(reflector, 1900, Client, 6000, RootReply(reflector));
            h.Wait(0.1);
        }

        var alert = Assert.Single(h.Of("ssdp-reflection-victim"));
        Assert.Equal(NetAddressText(Client), alert.Dst.ToString());
        Assert.Contains("from 20 responders", alert.Summary);
    }

    [Fact]
    public void RepliesFromManyRespondersAfterTheHostSearchedAreSolicited()
    {
        var h = new RuleHarness();
        h.Udp(Client, 6000, SsdpText.Group, 1900, SsdpText.MSearch("ssdp:all", mx: 3));
        for (int i = 1; i <= 25; i++)
        {
            var device = $"192.168.1.{100 + i}";
            h.Udp(device, 1900, Client, 6000, RootReply(device));
            h.Wait(0.1);
        }

        AlertAssert.None(h.Finish());
    }

    [Fact]
    public void TheRouterAnsweringOnItsWanSideIsRecognizedByItsLanUuid()
    {
        // A sensor that sees both sides: the WAN address is learned from the answer carrying the router's LAN UUID,
        // and the search that reached it, seen before, is judged then.
        const string igd = "urn:schemas-upnp-org:device:InternetGatewayDevice:1";
        var h = new RuleHarness();
        h.Udp(Router, 1900, SsdpText.Group, 1900, SsdpText.Notify(igd, SsdpText.RootUuid + "::" + igd, $"http://{Router}:5000/rootDesc.xml"), RouterMac);
        h.Wait(5).Udp(Attacker, 40000, RouterWan, 1900, SsdpText.MSearch("upnp:rootdevice", mx: 1));
        h.Wait(0.1).Udp(RouterWan, 1900, Attacker, 40000,
            SsdpText.Response("upnp:rootdevice", SsdpText.RootUuid + "::upnp:rootdevice", $"http://{RouterWan}:5000/rootDesc.xml"), RouterMac + 1);

        var alerts = h.Finish();
        Assert.Contains(Analyzer.Packets.NetAddress.Parse(RouterWan), h.Network.WanAddresses);
        Assert.Equal(["ssdp-msearch-from-wan", "ssdp-wan-exposed"], alerts.Select(a => a.Rule).Order());
    }

    [Fact]
    public void AnInternetHostAnsweringAnInternetHostIsNotTheHomesBusiness()
    {
        var h = new RuleHarness();
        h.Udp(Attacker, 40000, Outside, 1900, SsdpText.MSearch("upnp:rootdevice", mx: 1));
        h.Wait(0.1).Udp(Outside, 1900, Attacker, 40000, RootReply(Outside));
        h.Wait(30);

        AlertAssert.None(h.Finish());
    }

    private static string NetAddressText(string address) => System.Net.IPAddress.Parse(address).ToString();
}
