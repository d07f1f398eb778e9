using Analyzer.Configuration;
using Analyzer.Decoding;
using Analyzer.Output;
using Analyzer.Pipeline;
using Analyzer.Rules;
using Analyzer.Tests.Rules.Support;
using Analyzer.Tests.Support;
using static Analyzer.Tests.Rules.Support.Hosts;

namespace Analyzer.Tests.Rules.Config;

public class SensorConfigTests
{
    private static PipelineSettings Apply(string yaml) =>
        SensorConfigApplier.Apply(SensorConfigLoader.Parse(yaml, "test.yaml"), new PipelineSettings(), "test.yaml",
            BuiltInRules.Infos().Select(i => i.Id));

    [Fact]
    public void TheExampleConfigurationLoadsAndSaysWhatItsCommentsSay()
    {
        var settings = SensorConfigApplier.ApplyFile(Path.Combine(Repo.Root, "config.example.yaml"), new PipelineSettings());

        var n = settings.Network;
        Assert.Equal(["192.168.1.0/24", "fd00:1234:5678::/48", "fe80::/10"], n.LanPrefixes.Select(p => p.ToString()));
        Assert.Contains(NetAddress.Parse("192.168.1.1"), n.Routers);
        Assert.Contains(NetAddress.Parse("198.51.100.7"), n.WanAddresses);
        Assert.Contains(NetAddress.Parse("192.168.1.10"), n.TrustedControllers);
        Assert.DoesNotContain(5000, n.SensitivePorts);
        Assert.True(n.IsAllowlisted(NetAddress.Parse("192.168.1.250")));
        Assert.False(settings.RuleSettings["ssdp-msearch-from-wan"].Enabled);
        Assert.Equal(Severity.Low, settings.RuleSettings["ssdp-vuln-stack-banner"].Severity);
        Assert.True(settings.RuleSettings["igd-map-sensitive-port"].Allows(NetAddress.Parse("192.168.1.30")));
        Assert.True(settings.RuleSettings["ssdp-wan-exposed"].Allows(NetAddress.Parse("100.64.3.4")));
        Assert.Equal(86400, settings.Thresholds.NatpmpLongLifetimeSeconds);
    }

    [Theory]
    [InlineData("rules:\n  ssdp-no-such-rule:\n    enabled: false\n", "test.yaml: rules: unknown rule 'ssdp-no-such-rule' (see 'analyzer rules')")]
    [InlineData("thresholds:\n  map_flood_mappings: 0\n", "test.yaml: thresholds.map_flood_mappings must be positive")]
    [InlineData("allowlist: [192.168.1.300]\n", "test.yaml: allowlist: '192.168.1.300' is not an address or prefix")]
    [InlineData("rules:\n  igd-map-flood:\n    allow: [nas.local]\n", "test.yaml: rules.igd-map-flood.allow: 'nas.local' is not an address or prefix")]
    [InlineData("rules:\n  igd-map-flood:\n    severity: urgent\n", "test.yaml: rules.igd-map-flood.severity: 'urgent' is not one of info, low, medium, high, critical")]
    [InlineData("thresholds:\n  map_flod_mappings: 3\n", "test.yaml: at 'thresholds.map_flod_mappings': unknown setting map_flod_mappings")]
    public void AConfigurationErrorIsOneLineNamingTheFileAndTheKey(string yaml, string message)
    {
        var e = Assert.Throws<ConfigException>(() => Apply(yaml));
        Assert.StartsWith(message, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void ADisabledRuleDoesNotRun()
    {
        var settings = Apply("rules:\n  ssdp-msearch-from-wan:\n    enabled: false\n");
        var h = new RuleHarness(network: settings.Network, settings: settings.RuleSettings);
        h.Udp(Attacker, 40000, Router, 1900, SsdpText.MSearch("upnp:rootdevice"));

        AlertAssert.None(h.Finish());
        Assert.DoesNotContain(h.Engine.Rules, r => r.Info.Id == "ssdp-msearch-from-wan");
    }

    [Fact]
    public void AConfiguredSeverityReplacesTheRules()
    {
        var settings = Apply("rules:\n  ssdp-msearch-from-wan:\n    severity: high\n");
        var h = new RuleHarness(network: settings.Network, settings: settings.RuleSettings);
        h.Udp(Attacker, 40000, Router, 1900, SsdpText.MSearch("upnp:rootdevice"));

        Assert.Equal(Severity.High, Assert.Single(h.Finish()).Severity);
    }

    [Fact]
    public void AnAllowlistedHostRaisesNothingForThatRuleOnly()
    {
        var settings = Apply($"rules:\n  igd-map-sensitive-port:\n    allow: [{Client}]\n");
        var h = new RuleHarness(network: settings.Network, settings: settings.RuleSettings);
        h.Udp(Client, 5350, Router, 5351, NatPmpBytes.Map(true, 80, 80, 3600), ClientMac);
        h.Udp(Client, 5350, Router, 5351, NatPmpBytes.Map(true, 8008, 8008, 3600), ClientMac);

        Assert.Equal("igd-map-cast-ports", Assert.Single(h.Finish()).Rule);
        Assert.Equal(1, h.Engine.Context.Suppressed);
    }

    [Fact]
    public void TheGlobalAllowlistSilencesEveryRule()
    {
        var settings = Apply($"allowlist: [{Attacker}/32]\n");
        var h = new RuleHarness(network: settings.Network, settings: settings.RuleSettings);
        h.Udp(Attacker, 40000, Router, 1900, SsdpText.MSearch("ssdp:all"));
        h.Udp(Attacker, 40000, Router, 1900, SsdpText.MSearch("$(reboot)"));

        AlertAssert.None(h.Finish());
    }

    [Fact]
    public void AConfiguredLanMakesItsHostsInside()
    {
        // A LAN numbered from a documentation range: outside by default, inside once configured.
        var settings = Apply("network:\n  lan: [203.0.113.0/24]\n");
        var h = new RuleHarness(network: settings.Network);
        h.Udp(Attacker, 40000, "203.0.113.1", 1900, SsdpText.MSearch("upnp:rootdevice"));

        AlertAssert.None(h.Finish());
    }

    [Fact]
    public void TheRouterAndItsWanAddressAreLearnedFromNatPmpAnswers()
    {
        var h = new RuleHarness();
        h.Udp(Client, 5350, Router, 5351, NatPmpBytes.AddressRequest(), ClientMac);
        h.Udp(Router, 5351, Client, 5350, NatPmpBytes.AddressResponse(RouterWan), RouterMac);

        Assert.Contains(NetAddress.Parse(Router), h.Network.Routers);
        Assert.Contains(NetAddress.Parse(RouterWan), h.Network.WanAddresses);
    }

    [Fact]
    public void TheRouterAndItsWanAddressAreLearnedFromGetExternalIpAddress()
    {
        var h = new RuleHarness();
        var request = new Analyzer.Decoding.Soap.SoapRequest(new Analyzer.Packets.PacketInfo
        {
            Src = NetAddress.Parse(Client), Dst = NetAddress.Parse(Router), SrcPort = 51000, DstPort = 5000, TimestampUs = RuleHarness.Start,
        })
        {
            ServiceType = "urn:schemas-upnp-org:service:WANIPConnection:1", Action = "GetExternalIPAddress", Method = "POST",
            ControlUrl = "/ctl/IPConn", Arguments = [],
        };
        h.Feed(request).Feed(new Analyzer.Decoding.Soap.SoapResponse(request.Packet.Reversed())
        {
            Status = 200, Action = "GetExternalIPAddress", ServiceType = request.ServiceType, Request = request,
            Arguments = [new Analyzer.Decoding.Soap.SoapArgument("NewExternalIPAddress", RouterWan, RouterWan.Length)],
        });

        Assert.Contains(NetAddress.Parse(Router), h.Network.Routers);
        Assert.Contains(NetAddress.Parse(RouterWan), h.Network.WanAddresses);
    }

    [Fact]
    public void APrivateExternalAddressFromADoubleNatRouterIsNotLearnedAsWan()
    {
        var h = new RuleHarness();
        h.Udp(Client, 5350, Router, 5351, NatPmpBytes.AddressRequest(), ClientMac);
        h.Udp(Router, 5351, Client, 5350, NatPmpBytes.AddressResponse("10.201.213.174"), RouterMac);

        Assert.Empty(h.Network.WanAddresses);
    }

    [Fact]
    public void DocumentationAndCgnatRangesAreNotLanByDefault()
    {
        var n = new NetworkContext();
        Assert.True(n.IsLan(NetAddress.Parse("192.168.7.7")));
        Assert.True(n.IsLan(NetAddress.Parse("fd12::1")));
        Assert.True(n.IsLan(NetAddress.Parse("fe80::1")));
        Assert.False(n.IsLan(NetAddress.Parse("100.64.0.1")));
        Assert.False(n.IsLan(NetAddress.Parse("192.0.2.1")));
        Assert.False(n.IsLan(NetAddress.Parse("2001:db8::1")));
    }
}
