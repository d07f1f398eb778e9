using Analyzer.Decoding;
using Analyzer.Output;
using Analyzer.Tests.Rules.Support;
using static Analyzer.Tests.Rules.Support.Hosts;

namespace Analyzer.Tests.Rules.Soap;

/// <summary>One whole read of the port-mapping table (indexes 0, 1, … until fault 713), and the clients that do it benignly.</summary>
public class FullSweepTests
{
    private const string WindowsNat = "Microsoft-Windows/10.0 UPnP/1.0";
    private const string XpNat = "Mozilla/4.0 (compatible; UPnP/1.0; Windows 9x)";
    private ushort _port = 50000;

    private ScenarioCapture Call(ScenarioCapture s, string client, ulong mac, string action, (string, string)[] args, string response, string userAgent) =>
        s.Http(client, _port++, Router, 5000, HttpText.SoapRequest($"{Router}:5000", "/ctl/IPConn", HttpText.WanIp, action, args, userAgent: userAgent),
            response, mac, RouterMac);

    private ScenarioCapture Sweep(ScenarioCapture s, int entries, string userAgent, string client = Client, ulong mac = ClientMac)
    {
        for (int i = 0; i < entries; i++)
            Call(s, client, mac, "GetGenericPortMappingEntry", [("NewPortMappingIndex", i.ToString())],
                HttpText.SoapResponse(HttpText.WanIp, "GetGenericPortMappingEntry", [("NewExternalPort", (40000 + i).ToString())]), userAgent);
        return Call(s, client, mac, "GetGenericPortMappingEntry", [("NewPortMappingIndex", entries.ToString())],
            HttpText.SoapFault(713, "SpecifiedArrayIndexInvalid"), userAgent);
    }

    private ScenarioCapture Map(ScenarioCapture s, string userAgent) =>
        Call(s, Client, ClientMac, "AddPortMapping", HttpText.AddPortMappingArgs(51413, Client, 51413, "Transmission"),
            HttpText.SoapResponse(HttpText.WanIp, "AddPortMapping", []), userAgent);

    [Theory]
    [InlineData("python-requests/2.31.0", "'python-requests/2.31.0'")]
    [InlineData("curl/8.5.0", "'curl/8.5.0'")]
    [InlineData(null, "''")]
    public void OneSweepByAnHttpClientThatIsNotAUpnpLibraryIsRecon(string? userAgent, string quoted)
    {
        var s = Sweep(new ScenarioCapture(), 3, userAgent!);

        var alert = Assert.Single(AlertAssert.Only(s.Run().Alerts, "igd-enum-sweep"));
        Assert.Equal(Severity.Low, alert.Severity);
        Assert.Equal(AlertCategory.Recon, alert.Category);
        Assert.Equal("192.168.1.20 enumerates the port-mapping table of 192.168.1.1: one complete sweep of 3 entries (indexes 0–3, the last refused with fault 713) "
            + $"by an HTTP client that is not a UPnP library (User-Agent {quoted})", alert.Summary);
    }

    [Fact]
    public void OneSweepByAUpnpLibraryOnAHostThatMapsNothingIsRecon()
    {
        var s = Sweep(new ScenarioCapture(), 2, HttpText.Miniupnpc).Wait(120);
        s.Udp(Client, 50999, SsdpText.Group, 1900, SsdpText.MSearch("ssdp:all"), ClientMac);

        var alert = Assert.Single(AlertAssert.Only(s.Run().Alerts, "igd-enum-sweep"));
        Assert.Equal(Severity.Low, alert.Severity);
        Assert.EndsWith("one complete sweep of 2 entries (indexes 0–2, the last refused with fault 713) by a host that made no port mapping of its own", alert.Summary);
    }

    [Fact]
    public void UpnpcListingTheTableBesideItsOwnMappingIsNormal()
    {
        // upnpc -a … then upnpc -l (miniupnpc).
        var s = Map(new ScenarioCapture(), HttpText.Miniupnpc).Wait(5);
        Sweep(s, 4, HttpText.Miniupnpc);

        AlertAssert.None(s.Run().Alerts);
    }

    [Theory]
    [InlineData(WindowsNat)]
    [InlineData(XpNat)]
    public void WindowsNatTraversalReadingTheTableBeforeItMapsIsNormal(string userAgent)
    {
        // IStaticPortMappingCollection reads every entry, then the application adds its own.
        var s = Sweep(new ScenarioCapture(), 3, userAgent).Wait(2);
        Map(s, userAgent);

        AlertAssert.None(s.Run().Alerts);
    }

    [Fact]
    public void ARouterAdminAppOnATrustedControllerIsNormal()
    {
        var s = Sweep(new ScenarioCapture(), 3, "Dalvik/2.1.0 (Linux; U; Android 14)", Nas, NasMac);

        AlertAssert.None(s.Run(settings =>
        {
            settings.Network.TrustedControllers.Add(NetAddress.Parse(Nas));
            return settings;
        }).Alerts);
    }

    [Fact]
    public void AWalkThatNeverReachesTheEndIsNotASweep()
    {
        var s = new ScenarioCapture();
        for (int i = 0; i < 3; i++)
            Call(s, Client, ClientMac, "GetGenericPortMappingEntry", [("NewPortMappingIndex", i.ToString())],
                HttpText.SoapResponse(HttpText.WanIp, "GetGenericPortMappingEntry", [("NewExternalPort", (40000 + i).ToString())]), "curl/8.5.0");

        AlertAssert.None(s.Run().Alerts);
    }

    [Fact]
    public void ALookupOfOneIndexRefusedWith713IsNotASweep()
    {
        var s = Call(new ScenarioCapture(), Client, ClientMac, "GetGenericPortMappingEntry", [("NewPortMappingIndex", "5")],
            HttpText.SoapFault(713, "SpecifiedArrayIndexInvalid"), "curl/8.5.0");

        AlertAssert.None(s.Run().Alerts);
    }

    [Fact]
    public void ASlowLargeSweepReportedByItsIndexesGivesNoSecondAlert()
    {
        var s = new ScenarioCapture();
        for (int i = 0; i < 22; i++)
            Call(s, Client, ClientMac, "GetGenericPortMappingEntry", [("NewPortMappingIndex", i.ToString())],
                HttpText.SoapResponse(HttpText.WanIp, "GetGenericPortMappingEntry", [("NewExternalPort", (40000 + i).ToString())]), "curl/8.5.0").Wait(2);
        Call(s.Wait(120), Client, ClientMac, "GetGenericPortMappingEntry", [("NewPortMappingIndex", "22")], HttpText.SoapFault(713, "SpecifiedArrayIndexInvalid"), "curl/8.5.0");

        var alert = Assert.Single(AlertAssert.Only(s.Run().Alerts, "igd-enum-sweep"));
        Assert.Equal(Severity.Medium, alert.Severity);
    }

    [Fact]
    public void ALargeSweepStaysOneMediumAlert()
    {
        var s = new ScenarioCapture();
        for (int i = 0; i < 25; i++)
            Call(s, Client, ClientMac, "GetGenericPortMappingEntry", [("NewPortMappingIndex", i.ToString())],
                HttpText.SoapResponse(HttpText.WanIp, "GetGenericPortMappingEntry", [("NewExternalPort", (40000 + i).ToString())]), "curl/8.5.0").Wait(0.5);
        Call(s, Client, ClientMac, "GetGenericPortMappingEntry", [("NewPortMappingIndex", "25")], HttpText.SoapFault(713, "SpecifiedArrayIndexInvalid"), "curl/8.5.0");

        var alert = Assert.Single(AlertAssert.Only(s.Run().Alerts, "igd-enum-sweep"));
        Assert.Equal(Severity.Medium, alert.Severity);
        Assert.EndsWith("20 GetGenericPortMappingEntry indexes within 60 s", alert.Summary);
    }
}
