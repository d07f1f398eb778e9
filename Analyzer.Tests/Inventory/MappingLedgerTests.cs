using Analyzer.Inventory;
using Analyzer.Tests.Rules.Support;
using static Analyzer.Tests.Rules.Support.Hosts;

namespace Analyzer.Tests.Inventory;

public class MappingLedgerTests
{
    private static Dictionary<string, string> Row(string[] lines, int index)
    {
        var cells = lines[index].Split(',');
        Assert.Equal(Analyzer.Output.MappingRecords.Columns.Length, cells.Length);
        return Analyzer.Output.MappingRecords.Columns.Zip(cells).ToDictionary(x => x.First, x => x.Second);
    }

    [Fact]
    public void TheLedgerHasItsColumnsInContractOrder()
    {
        var result = new ScenarioCapture().Udp(Client, 5350, Router, 5351, NatPmpBytes.AddressRequest(), ClientMac).Run();

        Assert.Equal(string.Join(',', Analyzer.Output.MappingRecords.Columns), result.Mappings[0]);
        Assert.Single(result.Mappings);
    }

    [Fact]
    public void AGrantedNatPmpMappingIsOneRowAndItsExpiryAnother()
    {
        var result = new ScenarioCapture()
            .Udp(Client, 5350, Router, 5351, NatPmpBytes.Map(true, 51413, 51413, 60), ClientMac)
            .Wait(0.01).Udp(Router, 5351, Client, 5350, NatPmpBytes.MapResponse(true, 0, 51413, 51413, 60), RouterMac)
            .Wait(90).Udp(Client, 50000, SsdpText.Group, 1900, SsdpText.MSearch("ssdp:all"), ClientMac)
            .Run();

        Assert.Equal(3, result.Mappings.Length);
        var add = Row(result.Mappings, 1);
        Assert.Equal("2023-11-14T22:13:20.000000Z", add["time"]);
        Assert.Equal(("natpmp", "add", "192.168.1.20", "192.168.1.1", "tcp"), (add["method"], add["action"], add["requester"], add["gateway"], add["transport"]));
        Assert.Equal(("51413", "192.168.1.20", "51413", "60"), (add["external_port"], add["internal_client"], add["internal_port"], add["lease"]));
        Assert.Equal(("granted", "0", "Success", "51413", "60", "1", "1"), (add["outcome"], add["result_code"], add["result"], add["granted_external_port"], add["granted_lease"], add["attempts"], add["frame"]));
        var expiry = Row(result.Mappings, 2);
        Assert.Equal(("expire", "expired", "2023-11-14T22:14:20.010000Z"), (expiry["action"], expiry["outcome"], expiry["time"]));
    }

    [Fact]
    public void ADeletionIsARowAndTheDeletedMappingNeverExpires()
    {
        var result = new ScenarioCapture()
            .Udp(Client, 5350, Router, 5351, NatPmpBytes.Map(false, 3074, 3074, 60), ClientMac)
            .Wait(0.01).Udp(Router, 5351, Client, 5350, NatPmpBytes.MapResponse(false, 0, 3074, 3074, 60), RouterMac)
            .Wait(10).Udp(Client, 5350, Router, 5351, NatPmpBytes.Map(false, 3074, 0, 0), ClientMac)
            .Wait(0.01).Udp(Router, 5351, Client, 5350, NatPmpBytes.MapResponse(false, 0, 3074, 0, 0), RouterMac)
            .Wait(120).Udp(Client, 50000, SsdpText.Group, 1900, SsdpText.MSearch("ssdp:all"), ClientMac)
            .Run();

        Assert.Equal(3, result.Mappings.Length);
        Assert.Equal(("delete", "granted"), (Row(result.Mappings, 2)["action"], Row(result.Mappings, 2)["outcome"]));
    }

    [Fact]
    public void RetransmissionsAreOneRequestAndAnUnansweredOneSaysSo()
    {
        var result = new ScenarioCapture()
            .Udp(Client, 5350, Router, 5351, NatPmpBytes.Map(true, 22000, 20216, 3600), ClientMac)
            .Wait(0.25).Udp(Client, 5350, Router, 5351, NatPmpBytes.Map(true, 22000, 20216, 3600), ClientMac)
            .Wait(0.5).Udp(Client, 5350, Router, 5351, NatPmpBytes.Map(true, 22000, 20216, 3600), ClientMac)
            .Run();

        Assert.Equal(2, result.Mappings.Length);
        var row = Row(result.Mappings, 1);
        Assert.Equal(("no_answer", "3", ""), (row["outcome"], row["attempts"], row["result_code"]));
    }

    [Fact]
    public void APcpRefusalIsRecordedWithItsCode()
    {
        var result = new ScenarioCapture()
            .Udp(Client, 5350, Router, 5351, PcpBytes.MapRequest(Client, 7200, 554, 554, options: PcpBytes.ThirdParty(Nas)), ClientMac)
            .Wait(0.01).Udp(Router, 5351, Client, 5350, PcpBytes.ErrorResponse(1, 2), RouterMac)
            .Run();

        var row = Row(result.Mappings, 1);
        Assert.Equal(("pcp", "add", "192.168.1.30", "refused", "2", "NOT_AUTHORIZED"),
            (row["method"], row["action"], row["internal_client"], row["outcome"], row["result_code"], row["result"]));
    }
}
