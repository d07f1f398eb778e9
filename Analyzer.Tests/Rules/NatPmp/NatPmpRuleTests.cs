using Analyzer.Output;
using Analyzer.Tests.Rules.Support;
using static Analyzer.Tests.Rules.Support.Hosts;

namespace Analyzer.Tests.Rules.NatPmp;

public class NatPmpRuleTests
{
    [Fact]
    public void AGatewayGrantingAMappingToAnInternetHostIsCritical()
    {
        var h = new RuleHarness();
        h.Udp(Attacker, 40000, RouterWan, 5351, NatPmpBytes.Map(true, 22, 2222, 3600));
        h.Wait(0.01).Udp(RouterWan, 5351, Attacker, 40000, NatPmpBytes.MapResponse(true, 0, 22, 2222, 3600));

        var alerts = h.Of("natpmp-from-wan");
        Assert.Equal(2, alerts.Count);
        Assert.Equal(Severity.Medium, alerts[0].Severity);
        Assert.Equal(Severity.Critical, alerts[1].Severity);
        Assert.Contains("a mapping made for an Internet host", alerts[1].Summary);
    }

    [Fact]
    public void AnExternalAddressAnswerToTheInternetDisclosesTheWanAddress()
    {
        var h = new RuleHarness();
        h.Udp(Attacker, 40000, RouterWan, 5351, NatPmpBytes.AddressRequest());
        h.Udp(RouterWan, 5351, Attacker, 40000, NatPmpBytes.AddressResponse(RouterWan));

        var answer = Assert.Single(h.Finish(), a => a.Src.ToString() == RouterWan);
        Assert.Equal(Severity.High, answer.Severity);
        Assert.Contains("disclosing the external address 198.51.100.7", answer.Summary);
    }

    [Fact]
    public void TheGatewaysAddressAnnouncementToAllHostsIsNotWanExposure()
    {
        var h = new RuleHarness();
        h.Udp(Router, 5351, "224.0.0.1", 5350, NatPmpBytes.AddressResponse(RouterWan), RouterMac);
        h.Udp(Router, 5351, "224.0.0.1", 5350, PcpBytes.Announce(), RouterMac);

        AlertAssert.None(h.Finish());
    }

    [Fact]
    public void AnAnnouncementFromAHostThatIsNotTheGatewayIsRogue()
    {
        var h = new RuleHarness();
        h.Udp(Client, 5350, Router, 5351, NatPmpBytes.AddressRequest(), ClientMac);
        h.Udp(Router, 5351, Client, 5350, NatPmpBytes.AddressResponse(RouterWan), RouterMac);
        h.Wait(5).Udp("192.168.1.66", 5351, "224.0.0.1", 5350, PcpBytes.Announce(), RogueMac);

        var alert = Assert.Single(AlertAssert.Only(h.Finish(), "pcp-announce-flood"));
        Assert.Equal(Severity.High, alert.Severity);
        Assert.Contains("which is not the gateway 192.168.1.1", alert.Summary);
    }

    [Fact]
    public void AnnouncementsAfterAGatewayRebootAreNormalButAFloodIsNot()
    {
        var calm = new RuleHarness();
        for (int i = 0; i < 10; i++) calm.Wait(0.25 * (1 << Math.Min(i, 6))).Udp(Router, 5351, "224.0.0.1", 5350, PcpBytes.Announce((uint)i), RouterMac);
        AlertAssert.None(calm.Finish());

        var flood = new RuleHarness();
        for (int i = 0; i < 40; i++) flood.Wait(0.5).Udp(Router, 5351, "224.0.0.1", 5350, PcpBytes.Announce(0), RouterMac);
        var alert = Assert.Single(AlertAssert.Only(flood.Finish(), "pcp-announce-flood"));
        Assert.Contains("20 announcements from 192.168.1.1", alert.Summary);
    }

    [Fact]
    public void AMalformedPcpRequestFollowedByASilentGatewayIsTheMiniupnpdCrash()
    {
        var h = new RuleHarness();
        h.Udp(Client, 5350, Router, 5351, NatPmpBytes.AddressRequest(), ClientMac);
        h.Udp(Router, 5351, Client, 5350, NatPmpBytes.AddressResponse(RouterWan), RouterMac);
        // Two THIRD_PARTY options: RFC 6887 §13.1 forbids it; miniupnpd <= 2.1 dereferences NULL building the error.
        h.Wait(10).Udp("192.168.1.66", 5350, Router, 5351,
            PcpBytes.MapRequest("192.168.1.66", 7200, 80, 80, options: [PcpBytes.ThirdParty(Nas), PcpBytes.ThirdParty(Tv)]), RogueMac);
        h.Wait(15).Udp(Client, 5350, Router, 5351, NatPmpBytes.AddressRequest(), ClientMac);
        h.Wait(20).Udp(Client, 5350, Router, 5351, NatPmpBytes.AddressRequest(), ClientMac);

        var alert = Assert.Single(h.Of("pcp-miniupnpd-null-deref"));
        Assert.Contains("pcp.duplicate_option", alert.Summary);
        // Judged when capture time passes the 30-s window: one request came in the window, unanswered.
        Assert.Contains("went silent for 35 s while 1 later request(s) went unanswered", alert.Summary);
    }

    [Fact]
    public void AMalformedPcpRequestTheGatewayAnswersIsNotACrash()
    {
        var h = new RuleHarness();
        h.Udp(Client, 5350, Router, 5351, NatPmpBytes.AddressRequest(), ClientMac);
        h.Udp(Router, 5351, Client, 5350, NatPmpBytes.AddressResponse(RouterWan), RouterMac);
        h.Wait(10).Udp("192.168.1.66", 5350, Router, 5351,
            PcpBytes.MapRequest("192.168.1.66", 7200, 80, 80, options: [PcpBytes.ThirdParty(Nas), PcpBytes.ThirdParty(Tv)]), RogueMac);
        h.Wait(0.01).Udp(Router, 5351, "192.168.1.66", 5350, PcpBytes.ErrorResponse(1, 6), RouterMac);
        h.Wait(40).Udp(Client, 5350, Router, 5351, NatPmpBytes.AddressRequest(), ClientMac);
        h.Udp(Router, 5351, Client, 5350, NatPmpBytes.AddressResponse(RouterWan), RouterMac);

        Assert.DoesNotContain(h.Finish(), a => a.Rule == "pcp-miniupnpd-null-deref");
    }
}
