using Analyzer.Output;
using Analyzer.Tests.Rules.Support;
using static Analyzer.Tests.Rules.Support.GatewayText;
using static Analyzer.Tests.Rules.Support.Hosts;

namespace Analyzer.Tests.Rules.Ssdp;

public class DescriptionLinkRuleTests
{
    private const string MediaServer = "urn:schemas-upnp-org:device:MediaServer:1";

    private static List<Alert> Describe(string? presentationUrl, string? iconUrl = null) =>
        new ScenarioCapture()
            .Fetch(Client, 50100, ClientMac, Nas, NasMac, Description("Office Scanner", "MFC-9340", RogueUuid, presentationUrl, iconUrl, MediaServer))
            .Run().Alerts;

    [Fact]
    public void APresentationPageOnAnotherLanHostIsRogue()
    {
        var alert = Assert.Single(AlertAssert.Only(Describe("http://192.168.1.66:8888/present.html"), "ssdp-rogue-description"));
        Assert.Equal(Severity.Medium, alert.Severity);
        Assert.Equal(Nas, alert.Src.ToString());
        Assert.Equal("the description of 192.168.1.30 (Office Scanner) points its presentationURL at another LAN host 192.168.1.66: "
            + "'http://192.168.1.66:8888/present.html'", alert.Summary);
    }

    [Fact]
    public void APresentationPageOutsideTheLanIsHighSeverity()
    {
        var alert = Assert.Single(AlertAssert.Only(Describe("http://203.0.113.80/portal"), "ssdp-rogue-description"));
        Assert.Equal(Severity.High, alert.Severity);
        Assert.Equal("the description of 192.168.1.30 (Office Scanner) points its presentationURL outside the LAN: 'http://203.0.113.80/portal'", alert.Summary);
    }

    [Fact]
    public void ALoginFormOnAnotherHostIsHighSeverity()
    {
        var alert = Assert.Single(AlertAssert.Only(Describe("http://192.168.1.66:8888/office365/login.html"), "ssdp-rogue-description"));
        Assert.Equal(Severity.High, alert.Severity);
        Assert.Equal("the description of 192.168.1.30 (Office Scanner) points its presentationURL at another LAN host 192.168.1.66, to a login form: "
            + "'http://192.168.1.66:8888/office365/login.html'", alert.Summary);
    }

    [Fact]
    public void AnIconOnAnotherHostIsRogue()
    {
        var alert = Assert.Single(AlertAssert.Only(Describe("/", "http://192.168.1.66/smb/icon.png"), "ssdp-rogue-description"));
        Assert.Equal("the description of 192.168.1.30 (Office Scanner) points its icon at another LAN host 192.168.1.66: 'http://192.168.1.66/smb/icon.png'", alert.Summary);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("http://192.168.1.30:5000/")]
    [InlineData("http://192.168.1.30/login.htm")]
    [InlineData("http://www.routerlogin.net")]
    [InlineData(null)]
    public void LinksToTheDeviceItselfRelativeOrByNameAreNormal(string? presentationUrl)
    {
        AlertAssert.None(Describe(presentationUrl, "/icons/sm.png"));
    }
}
