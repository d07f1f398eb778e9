using Analyzer.Tests.Rules.Support;
using static Analyzer.Tests.Rules.Support.Hosts;

namespace Analyzer.Tests.Rules.Cast;

public class CastChannelFromWanRuleTests
{
    private static readonly byte[] Hello = [0x16, 0x03, 0x01, 0x00, 0x05, 1, 2, 3, 4, 5];

    private static ScenarioCapture Session(string client, ulong clientMac)
    {
        const ushort port = 51000;
        return new ScenarioCapture()
            .Tcp(client, port, Tv, 8009, 0x02, 1000, 0, [], clientMac)
            .Wait(0.01).Tcp(Tv, 8009, client, port, 0x12, 5000, 1001, [], TvMac)
            .Wait(0.01).Tcp(client, port, Tv, 8009, 0x10, 1001, 5001, [], clientMac)
            .Wait(0.01).Tcp(client, port, Tv, 8009, 0x18, 1001, 5001, Hello, clientMac)
            .Wait(0.01).Tcp(Tv, 8009, client, port, 0x18, 5001, 1011, Hello, TvMac);
    }

    [Fact]
    public void AnInternetHostTalkingToTheCastChannelIsRogueCasting()
    {
        var result = Session(Attacker, RouterMac).Run();

        var alert = Assert.Single(AlertAssert.Only(result.Alerts, "cast-castv2-from-nonlan"));
        Assert.Equal(Analyzer.Alerts.AlertCategory.RogueCast, alert.Category);
        Assert.Contains("203.0.113.50 outside the LAN talked to the Cast channel of 192.168.1.40:8009", alert.Summary);
    }

    [Fact]
    public void ALanPhoneCastingIsNormal()
    {
        AlertAssert.None(Session(Client, ClientMac).Run().Alerts);
    }

    [Fact]
    public void ASynScanOfTheCastPortIsNotASession()
    {
        var result = new ScenarioCapture()
            .Tcp(Attacker, 51000, Tv, 8009, 0x02, 1000, 0, [], RouterMac)
            .Wait(0.01).Tcp(Tv, 8009, Attacker, 51000, 0x12, 5000, 1001, [], TvMac)
            .Wait(0.01).Tcp(Attacker, 51000, Tv, 8009, 0x04, 1001, 0, [], RouterMac)
            .Run();

        AlertAssert.None(result.Alerts);
    }
}
