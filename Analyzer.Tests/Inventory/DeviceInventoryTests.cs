using Analyzer.Inventory;
using Analyzer.Tests.Rules.Support;
using static Analyzer.Tests.Rules.Support.Hosts;

namespace Analyzer.Tests.Inventory;

public class DeviceInventoryTests
{
    private static Dictionary<string, string> Device(string[] lines, string ip)
    {
        var header = lines[0].Split(',');
        var line = lines.Single(l => l.StartsWith(ip + ",", StringComparison.Ordinal));
        var cells = CsvLine.Split(line);
        Assert.Equal(header.Length, cells.Count);
        return header.Zip(cells).ToDictionary(x => x.First, x => x.Second);
    }

    [Fact]
    public void ARouterAdvertisingAnOldMiniupnpdIsListedWithItsStackAndCves()
    {
        var result = new ScenarioCapture()
            .Udp(Router, 1900, SsdpText.Group, 1900, SsdpText.Notify("urn:schemas-upnp-org:device:InternetGatewayDevice:1",
                SsdpText.RootUuid + "::urn:schemas-upnp-org:device:InternetGatewayDevice:1", $"http://{Router}:5000/rootDesc.xml",
                "Linux/2.6.36 UPnP/1.1 MiniUPnPd/2.1"), RouterMac)
            .Wait(1).Udp(Router, 1900, SsdpText.Group, 1900, SsdpText.Notify("urn:schemas-upnp-org:service:WANIPConnection:1",
                SsdpText.RootUuid + "::urn:schemas-upnp-org:service:WANIPConnection:1", $"http://{Router}:5000/rootDesc.xml",
                "Linux/2.6.36 UPnP/1.1 MiniUPnPd/2.1"), RouterMac)
            .Wait(2).Udp(Client, 5350, Router, 5351, NatPmpBytes.AddressRequest(), ClientMac)
            .Wait(0.01).Udp(Router, 5351, Client, 5350, NatPmpBytes.AddressResponse(RouterWan), RouterMac)
            .Run();

        Assert.Equal(string.Join(',', Analyzer.Output.DeviceRecords.Columns), result.Devices[0]);
        Assert.Equal(3, result.Devices.Length);
        var router = Device(result.Devices, Router);
        Assert.Equal("1c:5f:2b:aa:fd:01", router["mac"]);
        Assert.Equal("2023-11-14T22:13:20.000000Z", router["first_seen"]);
        Assert.Equal("2023-11-14T22:13:23.010000Z", router["last_seen"]);
        Assert.Equal(SsdpText.RootUuid, router["udn"]);
        Assert.Equal(("miniupnpd", "2.1"), (router["stack"], router["stack_version"]));
        Assert.Equal("urn:schemas-upnp-org:device:InternetGatewayDevice:1", router["device_types"]);
        Assert.Equal("urn:schemas-upnp-org:service:WANIPConnection:1", router["services"]);
        Assert.Equal("CVE-2019-12107; CVE-2019-12108; CVE-2019-12109; CVE-2019-12110; CVE-2019-12111; CVE-2026-5720", router["cves"]);
        Assert.Equal("natpmp; ssdp", router["protocols"]);
        Assert.Equal("http://192.168.1.1:5000/rootDesc.xml", router["location"]);
        Assert.Equal("natpmp", Device(result.Devices, Client)["protocols"]);
    }

    [Fact]
    public void AControlPointIsListedWithItsUserAgentAndNoCves()
    {
        var result = new ScenarioCapture()
            .Udp(Client, 50000, SsdpText.Group, 1900, SsdpText.MSearch("urn:dial-multiscreen-org:service:dial:1", userAgent: "Google Chrome/86.0.4240.198 Windows"), ClientMac)
            .Run();

        var client = Device(result.Devices, Client);
        Assert.Equal(("Google Chrome/86.0.4240.198 Windows", "Chrome", "", "ssdp"), (client["user_agent"], client["stack"], client["cves"], client["protocols"]));
    }

    [Fact]
    public void HostsOutsideTheLanAreNotDevicesOfTheHome()
    {
        var result = new ScenarioCapture()
            .Udp(Attacker, 40000, Router, 1900, SsdpText.MSearch("ssdp:all"), RouterMac)
            .Run();

        Assert.Single(result.Devices);
    }
}
