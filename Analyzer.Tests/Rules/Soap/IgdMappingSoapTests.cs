using Analyzer.Output;
using Analyzer.Tests.Rules.Support;
using static Analyzer.Tests.Rules.Support.Hosts;

namespace Analyzer.Tests.Rules.Soap;

/// <summary>The mapping rules fed by IGD SOAP AddPortMapping, through the real TCP and HTTP decoders.</summary>
public class IgdMappingSoapTests
{
    private const string Control = "/ctl/IPConn";

    private static ScenarioCapture Map(string requester, ulong mac, ushort external, string client, ushort internalPort,
        string description = "app", uint lease = 3600, string? answer = null) =>
        new ScenarioCapture().Http(requester, 51000, Router, 5000,
            HttpText.SoapRequest($"{Router}:5000", Control, HttpText.WanIp, "AddPortMapping",
                HttpText.AddPortMappingArgs(external, client, internalPort, description, lease)),
            answer ?? HttpText.SoapResponse(HttpText.WanIp, "AddPortMapping", []), mac, RouterMac);

    [Fact]
    public void AMappingToAPublicAddressIsUpnproxy()
    {
        var result = Map(Client, ClientMac, 47450, "198.51.100.20", 53, "", 0).Run();

        var alert = Assert.Single(AlertAssert.Only(result.Alerts, "igd-map-nonlan-client"));
        Assert.Equal(Severity.Critical, alert.Severity);
        Assert.Contains("igd AddPortMapping TCP 47450 → 198.51.100.20:53, lease 0 (permanent)", alert.Summary);
        Assert.Contains("granted", alert.Summary);
    }

    [Fact]
    public void TheGallettaSilenciosaMappingIsEternalSilence()
    {
        var result = Map(Client, ClientMac, 47669, Client, 445, "galleta silenciosa", 0).Run();

        var alert = Assert.Single(AlertAssert.Only(result.Alerts, "igd-map-eternalsilence"));
        Assert.Contains("'galleta silenciosa'", alert.Summary);
    }

    [Fact]
    public void MappingAnotherLanHostIsThirdPartyAndARefusalLowersIt()
    {
        var result = Map(Client, ClientMac, 27318, Nas, 8200, answer: HttpText.SoapFault(718, "ConflictInMappingEntry")).Run();

        var alert = Assert.Single(AlertAssert.Only(result.Alerts, "igd-map-third-party-lan"));
        Assert.Equal(Severity.Medium, alert.Severity);
        Assert.Contains("for another LAN host 192.168.1.30; refused: 718 ConflictInMappingEntry", alert.Summary);
    }

    [Fact]
    public void ATrustedControllerMayMapForOthers()
    {
        var result = Map(Client, ClientMac, 27318, Nas, 8200).Run(s =>
        {
            s.Network.TrustedControllers.Add(Analyzer.Packets.NetAddress.Parse(Client));
            return s;
        });

        AlertAssert.None(result.Alerts);
    }

    [Fact]
    public void AConsoleMappingItsOwnHighPortWithALeaseIsNormal()
    {
        var result = Map(Client, ClientMac, 3074, Client, 3074, "Xbox", 7200).Run();

        AlertAssert.None(result.Alerts);
        Assert.Contains(",igd,add,192.168.1.20,192.168.1.1,tcp,3074,192.168.1.20,3074,7200,Xbox,granted,", string.Join('\n', result.Mappings));
    }

    [Fact]
    public void TheLedgerRecordsAnIgdRefusalWithItsUpnpError()
    {
        var result = Map(Client, ClientMac, 80, Client, 80, "web", 0, HttpText.SoapFault(606, "Action not authorized")).Run();

        Assert.Contains(",igd,add,192.168.1.20,192.168.1.1,tcp,80,192.168.1.20,80,0,web,refused,606,Action not authorized,", string.Join('\n', result.Mappings));
    }
}
