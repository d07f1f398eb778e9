using Analyzer.Output;
using Analyzer.Tests.Rules.Support;
using static Analyzer.Tests.Rules.Support.Hosts;

namespace Analyzer.Tests.Rules.Mapping;

/// <summary>The mapping rules fed by NAT-PMP and PCP (the same rules judge IGD SOAP mappings).</summary>
public class NatPmpMappingRuleTests
{
    private static RuleHarness MapTcp(ushort internalPort, ushort externalPort, uint lifetime, ushort result = 0)
    {
        var h = new RuleHarness();
        h.Udp(Client, 5350, Router, 5351, NatPmpBytes.Map(true, internalPort, externalPort, lifetime), ClientMac);
        h.Wait(0.01).Udp(Router, 5351, Client, 5350, NatPmpBytes.MapResponse(true, result, internalPort, externalPort, lifetime), RouterMac);
        return h;
    }

    [Fact]
    public void ANatPmpMappingOfSmbIsEternalSilence()
    {
        var alert = Assert.Single(AlertAssert.Only(MapTcp(445, 445, 7200).Finish(), "igd-map-eternalsilence"));
        Assert.Equal(AlertCategory.PortmapAbuse, alert.Category);
        Assert.Equal(Severity.Critical, alert.Severity);
        Assert.Contains("natpmp MapTcpRequest TCP 445 → 192.168.1.20:445, lease 7200", alert.Summary);
        Assert.Contains("granted (external port 445, lifetime 7200 s)", alert.Summary);
    }

    [Fact]
    public void ARefusedMappingIsOneSeverityLower()
    {
        var alert = Assert.Single(MapTcp(445, 445, 7200, result: 2).Finish());
        Assert.Equal(Severity.High, alert.Severity);
        Assert.Contains("refused: 2 NotAuthorized", alert.Summary);
    }

    [Fact]
    public void ANatPmpMappingOfTheCastPortIsCastExposure()
    {
        var alert = Assert.Single(AlertAssert.Only(MapTcp(8009, 8009, 3600).Finish(), "igd-map-cast-ports"));
        Assert.Contains("exposes Cast port 8009", alert.Summary);
    }

    [Fact]
    public void AMappingToADeviceThatAdvertisesDialIsCastExposureWhateverThePort()
    {
        var h = new RuleHarness();
        h.Udp(Tv, 1900, SsdpText.Group, 1900, SsdpText.Notify("urn:dial-multiscreen-org:service:dial:1",
            "uuid:79d88e83-725c-b71b-bad0-5862d5b22386::urn:dial-multiscreen-org:service:dial:1", $"http://{Tv}:8008/ssdp/device-desc.xml",
            "Linux/3.8.13+, UPnP/1.0, Portable SDK for UPnP devices/1.14.18"), TvMac);
        h.Udp(Tv, 5350, Router, 5351, NatPmpBytes.Map(true, 9000, 9000, 3600), TvMac);

        var alert = Assert.Single(AlertAssert.Only(h.Finish(), "igd-map-cast-ports"));
        Assert.Contains("exposes the Cast/DIAL device 192.168.1.40", alert.Summary);
        Assert.Contains("no answer seen", alert.Summary);
    }

    [Fact]
    public void ANatPmpMappingOfTelnetIsSensitive()
    {
        var alert = Assert.Single(AlertAssert.Only(MapTcp(23, 2323, 3600).Finish(), "igd-map-sensitive-port"));
        Assert.Equal(Severity.Medium, alert.Severity);
        Assert.Contains("sensitive internal port 23", alert.Summary);
    }

    [Fact]
    public void ATorrentClientMappingItsHighPortForAnHourIsNormal()
    {
        // The benign twin: a self-mapping of a high port with a finite lease, renewed.
        var h = MapTcp(51413, 51413, 3600);
        h.Wait(1800).Udp(Client, 5350, Router, 5351, NatPmpBytes.Map(true, 51413, 51413, 3600), ClientMac);
        h.Wait(0.01).Udp(Router, 5351, Client, 5350, NatPmpBytes.MapResponse(true, 0, 51413, 51413, 3600), RouterMac);

        AlertAssert.None(h.Finish());
    }

    [Fact]
    public void ANatPmpMappingForAYearIsLongLived()
    {
        var alert = Assert.Single(AlertAssert.Only(MapTcp(40000, 40000, 31_536_000).Finish(), "natpmp-map-abuse-lan"));
        Assert.Contains("a lifetime of 31536000 s (limit 86400 s)", alert.Summary);
    }

    [Fact]
    public void APcpMappingThatNeverExpiresOnASensitivePortIsHigh()
    {
        var h = new RuleHarness();
        h.Udp(Client, 5350, Router, 5351, PcpBytes.MapRequest(Client, uint.MaxValue, 3389, 3389), ClientMac);
        h.Wait(0.01).Udp(Router, 5351, Client, 5350, PcpBytes.MapResponse(0, uint.MaxValue, 3389, 3389, RouterWan), RouterMac);

        var alerts = h.Finish();
        Assert.Equal(["igd-map-sensitive-port", "natpmp-map-abuse-lan"], alerts.Select(a => a.Rule).Order());
        Assert.Equal(Severity.High, alerts.Single(a => a.Rule == "igd-map-sensitive-port").Severity);
        Assert.Contains("permanently", alerts.Single(a => a.Rule == "igd-map-sensitive-port").Summary);
    }

    [Fact]
    public void APcpThirdPartyRequestForAnotherHostIsAbuse()
    {
        var h = new RuleHarness();
        h.Udp(Client, 5350, Router, 5351, PcpBytes.MapRequest(Client, 7200, 554, 554, options: PcpBytes.ThirdParty(Nas)), ClientMac);
        h.Wait(0.01).Udp(Router, 5351, Client, 5350, PcpBytes.ErrorResponse(1, 2), RouterMac);

        var alert = Assert.Single(h.Of("pcp-third-party"));
        Assert.Contains("asks a mapping for 192.168.1.30", alert.Summary);
        Assert.Contains("refused: 2 NOT_AUTHORIZED", alert.Summary);
        Assert.Equal(Severity.Medium, alert.Severity);
    }

    [Fact]
    public void APcpFilterWithPrefixZeroLetsEveryPeerIn()
    {
        var h = new RuleHarness();
        h.Udp(Client, 5350, Router, 5351, PcpBytes.MapRequest(Client, 7200, 40000, 40000, options: PcpBytes.Filter(0, 0, "0.0.0.0")), ClientMac);

        var alert = Assert.Single(AlertAssert.Only(h.Finish(), "pcp-third-party"));
        Assert.Contains("FILTER with prefix length 0", alert.Summary);
    }

    [Fact]
    public void APcpSelfMappingWithALeaseIsNormal()
    {
        var h = new RuleHarness();
        h.Udp(Client, 5350, Router, 5351, PcpBytes.MapRequest(Client, 7200, 40000, 40000, options: PcpBytes.Filter(32, 443, Outside)), ClientMac);
        h.Wait(0.01).Udp(Router, 5351, Client, 5350, PcpBytes.MapResponse(0, 7200, 40000, 40000, RouterWan), RouterMac);

        AlertAssert.None(h.Finish());
    }

    [Fact]
    public void ThirtyDistinctMappingsInAMinuteAreAFlood()
    {
        var h = new RuleHarness();
        for (ushort port = 30000; port < 30035; port++)
        {
            h.Udp(Client, 5350, Router, 5351, NatPmpBytes.Map(false, port, port, 3600), ClientMac);
            h.Wait(0.01).Udp(Router, 5351, Client, 5350, NatPmpBytes.MapResponse(false, 0, port, port, 3600), RouterMac);
            h.Wait(1);
        }

        var alert = Assert.Single(AlertAssert.Only(h.Finish(), "igd-map-flood"));
        Assert.Contains("asked for 30 distinct mappings", alert.Summary);
    }

    [Fact]
    public void RenewingTheSameFewMappingsIsNotAFlood()
    {
        var h = new RuleHarness();
        for (int round = 0; round < 20; round++)
        {
            foreach (ushort port in new ushort[] { 51413, 6881 })
            {
                h.Udp(Client, 5350, Router, 5351, NatPmpBytes.Map(true, port, port, 120), ClientMac);
                h.Wait(0.01).Udp(Router, 5351, Client, 5350, NatPmpBytes.MapResponse(true, 0, port, port, 120), RouterMac);
            }
            h.Wait(2);
        }

        AlertAssert.None(h.Finish());
    }
}
