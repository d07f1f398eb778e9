using Analyzer.Tests.Rules.Support;
using static Analyzer.Tests.Rules.Support.Hosts;

namespace Analyzer.Tests.Inventory;

public class DescriptionInventoryTests
{
    public static string Description(string doctype = "") =>
        "<?xml version=\"1.0\"?>\r\n" + doctype +
        "<root xmlns=\"urn:schemas-upnp-org:device-1-0\"><specVersion><major>1</major><minor>1</minor></specVersion>" +
        "<device><deviceType>urn:schemas-upnp-org:device:InternetGatewayDevice:1</deviceType><friendlyName>Home Router</friendlyName>" +
        "<manufacturer>ExampleNet</manufacturer><modelName>XR-500</modelName><modelNumber>2.1</modelNumber>" +
        "<UDN>uuid:4d696e69-444c-164e-9d41-b0c554255b0e</UDN><serviceList><service>" +
        "<serviceType>urn:schemas-upnp-org:service:Layer3Forwarding:1</serviceType><serviceId>urn:upnp-org:serviceId:L3Forwarding1</serviceId>" +
        "<SCPDURL>/L3F.xml</SCPDURL><controlURL>/ctl/L3F</controlURL><eventSubURL>/evt/L3F</eventSubURL></service></serviceList>" +
        "<deviceList><device><deviceType>urn:schemas-upnp-org:device:WANDevice:1</deviceType><friendlyName>WAN</friendlyName>" +
        "<UDN>uuid:4d696e69-444c-164e-9d41-b0c554255b0f</UDN><serviceList><service>" +
        "<serviceType>urn:schemas-upnp-org:service:WANIPConnection:1</serviceType><serviceId>urn:upnp-org:serviceId:WANIPConn1</serviceId>" +
        "<SCPDURL>/WANIPCn.xml</SCPDURL><controlURL>/ctl/IPConn</controlURL><eventSubURL>/evt/IPConn</eventSubURL></service></serviceList>" +
        "</device></deviceList></device></root>\r\n";

    public static ScenarioCapture Fetch(string xml) => new ScenarioCapture()
        .Udp(Router, 1900, SsdpText.Group, 1900, SsdpText.Notify("urn:schemas-upnp-org:device:InternetGatewayDevice:1",
            SsdpText.RootUuid + "::urn:schemas-upnp-org:device:InternetGatewayDevice:1", $"http://{Router}:5000/rootDesc.xml"), RouterMac)
        .Http(Client, 51000, Router, 5000, HttpText.Request("GET", "/rootDesc.xml", $"{Router}:5000", null, ("User-Agent", HttpText.Miniupnpc)),
            HttpText.Response("200 OK", xml, ("Content-Type", "text/xml"), ("Server", HttpText.Miniupnpd)), ClientMac, RouterMac);

    [Fact]
    public void TheDescriptionGivesTheDeviceItsNameMakerModelAndServices()
    {
        var result = Fetch(Description()).Run();

        Assert.Empty(result.Alerts);
        var header = result.Devices[0].Split(',');
        var router = result.Devices.Single(l => l.StartsWith(Router + ",", StringComparison.Ordinal));
        Assert.Contains(",Home Router,ExampleNet,XR-500 2.1,", router);
        Assert.Contains("urn:schemas-upnp-org:device:InternetGatewayDevice:1; urn:schemas-upnp-org:device:WANDevice:1", router);
        Assert.Contains("urn:schemas-upnp-org:service:Layer3Forwarding:1; urn:schemas-upnp-org:service:WANIPConnection:1", router);
        Assert.Contains("uuid:4d696e69-444c-164e-9d41-b0c554255b0e; uuid:4d696e69-444c-164e-9d41-b0c554255b0f", router);
        Assert.Contains("description", router);
        Assert.Equal(Analyzer.Output.DeviceRecords.Columns, header);
    }

    [Fact]
    public void AUdnKeepsTheCaseTheDeviceWroteAndTwoSpellingsOfItAreOneUdn()
    {
        const string Wire = "uuid:Insight-1_0-231501K1200A1B";
        var xml = Description().Replace("uuid:4d696e69-444c-164e-9d41-b0c554255b0e", Wire.ToLowerInvariant());
        var result = new ScenarioCapture()
            .Udp(Router, 1900, SsdpText.Group, 1900, SsdpText.Notify("upnp:rootdevice", Wire + "::upnp:rootdevice", $"http://{Router}:5000/rootDesc.xml"), RouterMac)
            .Http(Client, 51000, Router, 5000, HttpText.Request("GET", "/rootDesc.xml", $"{Router}:5000", null, ("User-Agent", HttpText.Miniupnpc)),
                HttpText.Response("200 OK", xml, ("Content-Type", "text/xml"), ("Server", HttpText.Miniupnpd)), ClientMac, RouterMac)
            .Run();

        var router = result.Devices.Single(l => l.StartsWith(Router + ",", StringComparison.Ordinal));
        Assert.Contains(Wire + "; uuid:4d696e69-444c-164e-9d41-b0c554255b0f", router);
        Assert.DoesNotContain(Wire.ToLowerInvariant(), router);
    }

    [Fact]
    public void ADescriptionWithADoctypeIsAnXmlAttack()
    {
        var result = Fetch(Description("<!DOCTYPE root [<!ENTITY xxe SYSTEM \"file:////192.168.1.66/smb/share\">]>\r\n")).Run();

        var alert = Assert.Single(AlertAssert.Only(result.Alerts, "soap-xml-xxe-bomb"));
        Assert.Contains("device description http://192.168.1.1:5000/rootDesc.xml from 192.168.1.1 carries DOCTYPE, ENTITY", alert.Summary);
    }

    [Fact]
    public void ASubscribeToAPathTheDescriptionDoesNotListIsMalformed()
    {
        var result = Fetch(Description())
            .Http(Client, 51001, Router, 5000, HttpText.Subscribe("/evt/IPConn", $"{Router}:5000", $"<http://{Client}:49152/e>"), HttpText.SubscribeOk(), ClientMac, RouterMac)
            .Http(Client, 51002, Router, 5000, HttpText.Subscribe("/nothing/here", $"{Router}:5000", null, nt: null, sid: "uuid:1"), null, ClientMac, RouterMac)
            .Run();

        var alert = Assert.Single(AlertAssert.Only(result.Alerts, "gena-libupnp-malformed-subscribe"));
        Assert.Contains("path '/nothing/here' is none of the device's 2 event URLs", alert.Summary);
    }
}
