using Analyzer.Output;
using Analyzer.Tests.Decoding.Description;
using Analyzer.Tests.Rules.Support;
using static Analyzer.Tests.Rules.Support.Hosts;

namespace Analyzer.Tests.Rules.Soap;

/// <summary><c>soap-libupnp-post-file-write</c> (CVE-2016-6255): a body POSTed to a libupnp web server outside its control URLs.</summary>
public class LibupnpPostRuleTests
{
    private const string Rule = "soap-libupnp-post-file-write";
    private const string Libupnp1619 = "Linux/2.6.36, UPnP/1.0, Portable SDK for UPnP devices/1.6.19";
    private const string Libupnp1184 = "Linux/5.4, UPnP/1.0, Portable SDK for UPnP devices/1.14.18";
    private static readonly string Host = $"{Router}:49152";

    private static string Upload(string path, string body = "#!/bin/sh\ntelnetd -l /bin/sh -p 2323\n") =>
        HttpText.Request("POST", path, Host, body, ("Content-Type", "application/octet-stream"), ("User-Agent", "python-requests/2.31.0"));

    private static string Answer(string server) => HttpText.Response("200 OK", null, ("Server", server));

    private static string Description(string server) =>
        HttpText.Response("200 OK", DescriptionParsingData.IgdDescription, ("Content-Type", "text/xml"), ("Server", server));

    [Fact]
    public void APostedFileToAnOldLibupnpIsTheWebRootWrite()
    {
        var s = new ScenarioCapture().Http(Client, 50001, Router, 49152, Upload("/web/evil.sh"), Answer(Libupnp1619), ClientMac, RouterMac);

        var alert = Assert.Single(AlertAssert.Only(s.Run().Alerts, Rule));
        Assert.Equal(Severity.High, alert.Severity);
        Assert.Contains("POST '/web/evil.sh' to 192.168.1.1:49152 (libupnp 1.6.19) with 37 body bytes of 'application/octet-stream', no SOAP control", alert.Summary);
        Assert.Contains("answered 200", alert.Summary);
    }

    [Fact]
    public void APostOutsideTheControlUrlsOfADescribedDeviceFiresAndOneToAControlUrlDoesNot()
    {
        var s = new ScenarioCapture()
            .Http(Client, 50001, Router, 49152, DescriptionParsingData.Get("/rootDesc.xml", Host), Description(Libupnp1619), ClientMac, RouterMac)
            .Http(Client, 50002, Router, 49152, Upload("/ctl/IPConn"), Answer(Libupnp1619), ClientMac, RouterMac)
            .Http(Client, 50003, Router, 49152, Upload("/tmp.sh"), Answer(Libupnp1619), ClientMac, RouterMac);

        // The device's banner is its own finding (ssdp-vuln-stack-banner); only the POST outside the control URLs is a write.
        var alert = Assert.Single(s.Run().Alerts, a => a.Rule == Rule);
        Assert.Contains("'/tmp.sh'", alert.Summary);
        Assert.Contains("none of the device's 3 control URLs", alert.Summary);
    }

    [Fact]
    public void APostToAPatchedLibupnpIsStillAnAttemptButMedium()
    {
        var s = new ScenarioCapture().Http(Client, 50001, Router, 49152, Upload("/web/evil.sh"), Answer(Libupnp1184), ClientMac, RouterMac);

        Assert.Equal(Severity.Medium, Assert.Single(AlertAssert.Only(s.Run().Alerts, Rule)).Severity);
    }

    [Fact]
    public void ThePostToAnotherUpnpStackIsNotTheLibupnpWrite()
    {
        var s = new ScenarioCapture().Http(Client, 50001, Router, 49152, Upload("/web/evil.sh"), Answer(HttpText.Miniupnpd), ClientMac, RouterMac);

        Assert.DoesNotContain(s.Run().Alerts, a => a.Rule == Rule);
    }

    [Fact]
    public void AnEmptyPostToLibupnpIsNotAFileWrite()
    {
        var s = new ScenarioCapture().Http(Client, 50001, Router, 49152, HttpText.Request("POST", "/web/evil.sh", Host, null), Answer(Libupnp1619),
            ClientMac, RouterMac);

        Assert.DoesNotContain(s.Run().Alerts, a => a.Rule == Rule);
    }
}
