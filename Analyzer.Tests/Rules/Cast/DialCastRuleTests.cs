using Analyzer.Output;
using Analyzer.Tests.Rules.Support;
using static Analyzer.Tests.Rules.Support.Hosts;

namespace Analyzer.Tests.Rules.Cast;

public class DialCastRuleTests
{
    private static string Launch(string app = "YouTube", string body = "v=kxopViU98Xo") =>
        HttpText.Request("POST", $"/apps/{app}", $"{Tv}:8008", body, ("Content-Type", "text/plain; charset=\"utf-8\""), ("User-Agent", "Mozilla/5.0"));

    private static string Created(string app = "YouTube") =>
        HttpText.Response("201 Created", null, ("LOCATION", $"http://{Tv}:8008/apps/{app}/run"));

    private static string Setup(string endpoint, string body, bool token = false) =>
        HttpText.Request("POST", $"/setup/{endpoint}", $"{Tv}:8008", body, ("Content-Type", "application/json"),
            ("cast-local-authorization-token", token ? "abc" : null));

    [Fact]
    public void ALaunchFromTheInternetIsRogueCasting()
    {
        var alerts = new ScenarioCapture().Http(Attacker, 51000, Tv, 8008, Launch(), Created(), RouterMac, TvMac).Run().Alerts;

        var alert = Assert.Single(AlertAssert.Only(alerts, "dial-launch-from-nonlan"));
        Assert.Equal(AlertCategory.RogueCast, alert.Category);
        Assert.Contains("DIAL LAUNCH of YouTube", alert.Summary);
        Assert.Contains("'v=kxopViU98Xo'", alert.Summary);
    }

    [Fact]
    public void APhoneCastingOnTheLanIsNormal()
    {
        var s = new ScenarioCapture();
        for (int i = 0; i < 3; i++) s.Http(Client, (ushort)(51000 + i), Tv, 8008, Launch(), Created(), ClientMac, TvMac).Wait(30);

        AlertAssert.None(s.Run().Alerts);
    }

    [Fact]
    public void ALanHostLaunchingAppsEverySecondsIsTooBusyForAPerson()
    {
        var s = new ScenarioCapture();
        for (int i = 0; i < 6; i++) s.Http(Client, (ushort)(51000 + i), Tv, 8008, Launch(), Created(), ClientMac, TvMac).Wait(2);

        var alert = Assert.Single(AlertAssert.Only(s.Run().Alerts, "dial-launch-from-nonlan"));
        Assert.Equal(Severity.Medium, alert.Severity);
    }

    [Fact]
    public void AFactoryResetIsCriticalFromAnywhere()
    {
        var alerts = new ScenarioCapture().Http(Client, 51000, Tv, 8008, Setup("reboot", "{\"params\":\"fdr\"}"), HttpText.Ok(), ClientMac, TvMac).Run().Alerts;

        var alert = Assert.Single(AlertAssert.Only(alerts, "cast-setup-abuse"));
        Assert.Equal(Severity.Critical, alert.Severity);
        Assert.StartsWith("factory reset", alert.Summary);
    }

    [Fact]
    public void TheHomeAppRebootingOrRenamingOnTheLanIsNormal()
    {
        var alerts = new ScenarioCapture()
            .Http(Client, 51000, Tv, 8008, Setup("reboot", "{\"params\":\"now\"}"), HttpText.Ok(), ClientMac, TvMac)
            .Http(Client, 51001, Tv, 8008, Setup("set_eureka_info", "{\"name\":\"Living room\"}"), HttpText.Ok(), ClientMac, TvMac)
            .Run().Alerts;

        AlertAssert.None(alerts);
    }

    [Fact]
    public void ReadingEurekaInfoFromTheInternetIsReconnaissance()
    {
        var alerts = new ScenarioCapture()
            .Http(Attacker, 51000, Tv, 8008, HttpText.Request("GET", "/setup/eureka_info?options=detail", $"{Tv}:8008", null),
                HttpText.Response("200 OK", "{\"name\":\"TV\"}", ("Content-Type", "application/json")), RouterMac, TvMac)
            .Run().Alerts;

        var alert = Assert.Single(AlertAssert.Only(alerts, "cast-probe-from-nonlan"));
        Assert.Equal(AlertCategory.Recon, alert.Category);
    }

    [Fact]
    public void ThePhoneReadingEurekaInfoOnTheLanIsNormal()
    {
        var alerts = new ScenarioCapture()
            .Http(Client, 51000, Tv, 8008, HttpText.Request("GET", "/setup/eureka_info?options=detail", $"{Tv}:8008", null),
                HttpText.Response("200 OK", "{\"name\":\"TV\"}", ("Content-Type", "application/json")), ClientMac, TvMac)
            .Run().Alerts;

        AlertAssert.None(alerts);
    }
}
