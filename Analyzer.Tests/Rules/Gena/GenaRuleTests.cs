using Analyzer.Output;
using Analyzer.Tests.Rules.Support;
using static Analyzer.Tests.Rules.Support.Hosts;

namespace Analyzer.Tests.Rules.Gena;

public class GenaRuleTests
{
    private const string EventPath = "/evt/IPConn";
    private static readonly string Host = $"{Router}:5000";

    private static ScenarioCapture Subscribe(string subscriber, ulong mac, string? callback, string? nt = "upnp:event", string? sid = null,
        string? uuid = null, string path = EventPath) =>
        new ScenarioCapture().Http(subscriber, 51000, Router, 5000, HttpText.Subscribe(path, Host, callback, nt, sid, uuid),
            HttpText.SubscribeOk(), mac, RouterMac);

    [Fact]
    public void ACallbackToAnInternetHostIsCallStranger()
    {
        var alerts = Subscribe(Client, ClientMac, $"<http://{Outside}:8080/x>").Run().Alerts;

        var alert = Assert.Single(AlertAssert.Only(alerts, "gena-callstranger-external-callback"));
        Assert.Equal(AlertCategory.CallbackAbuse, alert.Category);
        Assert.Contains("callback 203.0.113.80 is outside the LAN", alert.Summary);
    }

    [Fact]
    public void ACallbackToAHostNameAndSeveralCallbacksAreCallStranger()
    {
        var alerts = Subscribe(Client, ClientMac, $"<http://evil.example/a><http://{Client}:5555/b>").Run().Alerts;

        var alert = Assert.Single(AlertAssert.Only(alerts, "gena-callstranger-external-callback"));
        Assert.Contains("callback host 'evil.example' is a name, not an address; 2 callback URLs", alert.Summary);
    }

    [Fact]
    public void ASubscriberCallingBackToItselfIsNormal()
    {
        var alerts = Subscribe(Client, ClientMac, $"<http://{Client}:49152/upnp/event/1>").Run().Alerts;

        AlertAssert.None(alerts);
    }

    [Fact]
    public void ACallbackToAnotherLanHostsPrinterPortIsAnInternalScan()
    {
        var alerts = Subscribe(Client, ClientMac, $"<http://{Nas}:9100/>").Run().Alerts;

        var alert = Assert.Single(AlertAssert.Only(alerts, "gena-callback-mismatch-lan"));
        Assert.Equal(Severity.High, alert.Severity);
        Assert.Contains("(port 9100 is not HTTP)", alert.Summary);
    }

    [Fact]
    public void ADeviceNotifyingAnInternetHostLeaksEvents()
    {
        var alerts = new ScenarioCapture()
            .Http(Router, 40000, Outside, 8080, HttpText.Notify("/x", $"{Outside}:8080"), HttpText.Ok(), RouterMac, RouterMac)
            .Run().Alerts;

        var alert = Assert.Single(AlertAssert.Only(alerts, "gena-notify-to-external"));
        Assert.Contains("sent an event NOTIFY", alert.Summary);
    }

    [Fact]
    public void ADeviceNotifyingItsLanSubscriberIsNormal()
    {
        var alerts = new ScenarioCapture()
            .Http(Router, 40000, Client, 49152, HttpText.Notify("/upnp/event/1", $"{Client}:49152"), HttpText.Ok(), RouterMac, ClientMac)
            .Run().Alerts;

        AlertAssert.None(alerts);
    }

    [Fact]
    public void AnOverlongUuidHeaderIsTheNetgearOverflow()
    {
        var alerts = Subscribe(Client, ClientMac, $"<http://{Client}:49152/e>", uuid: new string('B', 300)).Run().Alerts;

        var alert = Assert.Single(AlertAssert.Only(alerts, "gena-subscribe-uuid-overflow"));
        Assert.Contains("UUID header of 300 characters", alert.Summary);
    }

    [Fact]
    public void AnOverlongLanCallbackIsTheMiniupnpdEventLeak()
    {
        var alerts = Subscribe(Client, ClientMac, $"<http://{Client}:49152/{new string('p', 700)}>").Run().Alerts;

        Assert.Single(AlertAssert.Only(alerts, "gena-miniupnpd-event-leak"));
    }

    [Fact]
    public void JunkAfterTheCallbackPortIsTheRealtekOverflow()
    {
        var alerts = Subscribe(Client, ClientMac, $"<http://{Client}:4915{new string('A', 200)}>").Run().Alerts;

        Assert.Contains(alerts, a => a.Rule == "soap-realtek-subscribe-overflow");
    }

    [Theory]
    [InlineData("<http://192.168.1.20:5000>")]
    [InlineData("<http://192.168.1.20:5000/path>")]
    [InlineData("<http://[fe80::1]:5000/path>")]
    public void ACallbackWithAPortAndNoPathIsLegal(string callback) =>
        Assert.Null(Analyzer.Decoding.Gena.GenaCallback.JunkAfterPort(callback));

    [Fact]
    public void ASubscribeWithoutNtOrSidIsTheLibupnpNullDereference()
    {
        var alerts = Subscribe(Client, ClientMac, $"<http://{Client}:49152/e>", nt: null).Run().Alerts;

        var alert = Assert.Single(AlertAssert.Only(alerts, "gena-libupnp-malformed-subscribe"));
        Assert.Contains("neither NT nor SID", alert.Summary);
    }

    [Fact]
    public void ARenewalWithASidIsNormal()
    {
        var alerts = Subscribe(Client, ClientMac, null, nt: null, sid: "uuid:5d1c2f3a-0b1e-4c7d-9a8b-2e3f4a5b6c7d").Run().Alerts;

        AlertAssert.None(alerts);
    }
}
