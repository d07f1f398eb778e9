using System.Text;
using Analyzer.Census;
using Analyzer.Network;

namespace Analyzer.Tests.Census;

public class FleetRecordsTests
{
    private static byte[] B(string s) => Encoding.UTF8.GetBytes(s);

    private const string Alert = """{"timestamp":"2026-03-14T16:44:32.962523Z","event_type":"alert","src_ip":"192.168.1.199","src_port":52805,"dest_ip":"198.51.100.207","dest_port":80,"app_proto":"gena","alert":{"rule":"gena-notify-to-external","category":"callback-abuse","severity":"high","summary":"s","score":1.5}}""";

    [Fact]
    public void AnAlertRecordIsReadByItsCsvColumnNames()
    {
        var records = new FleetRecords();
        Assert.True(records.Add("home-1", B(Alert)));
        var (sensor, run) = Assert.Single(records.Homes());
        Assert.Equal("home-1", sensor);
        var a = Assert.Single(run.Alerts);
        Assert.Equal(("gena-notify-to-external", "callback-abuse", "high", "192.168.1.199", "198.51.100.207", "gena", "s"),
            (a.Rule, a.Category, a.Severity, a.SrcIp, a.DstIp, a.Protocol, a.Summary));
        Assert.True(Timestamp.TryParse("2026-03-14T16:44:32.962523Z", out long us));
        Assert.Equal(us, a.TimeUs);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"event_type":"nonsense"}""")]
    [InlineData("""{"timestamp":"yesterday","event_type":"alert","alert":{"rule":"r"}}""")]
    public void AnythingElseIsCountedAsMalformed(string json)
    {
        var records = new FleetRecords();
        Assert.False(records.Add("home-1", B(json)));
        Assert.Equal(1, records.Malformed);
    }

    [Fact]
    public void HomesAreCountedApartAndTheirAlertsPerHome()
    {
        var records = new FleetRecords();
        records.Add("home-1", B(Alert));
        records.Add("home-1", B(Alert));
        records.Add("home-2", B(Alert));
        var fleet = FleetCensusBuilder.Build(records, new NetworkContext());
        Assert.Equal(["home-1", "home-2"], fleet.Homes.Select(h => h.Sensor));
        Assert.Equal([2, 1], fleet.Homes.Select(h => h.Census.AlertTotal));
        Assert.Equal(["callback-abuse"], fleet.AlertCategories);
        Assert.Equal(0, fleet.HomesWithUpnpGateway);
    }
}
