using Analyzer.Decoding.Description;
using Analyzer.Events;
using Analyzer.Tests.Decoding.Http;
using static Analyzer.Tests.Decoding.Description.DescriptionParsingData;

namespace Analyzer.Tests.Decoding.Description;

public class DescriptionDecodingTests
{
    private static Dictionary<string, string> Fields(AnalyzerEvent e) => HttpConversation.FieldsOf(e);

    [Fact]
    public void AnIgdDescriptionGivesItsDevicesServicesAndControlUrls()
    {
        var sink = HttpConversation.Exchange(Get(), Ok(IgdDescription));

        var description = Assert.IsType<DescriptionMessage>(Assert.Single(sink.Events));
        Assert.Equal("description", description.Protocol);
        var f = Fields(description);
        Assert.Equal("200", f["status"]);
        Assert.Equal("http://192.168.1.1:5000/rootDesc.xml", f["location"]);
        Assert.Equal("192.168.1.1:5000", f["host"]);
        Assert.Equal("/rootDesc.xml", f["path"]);
        Assert.Equal("OpenWRT/OpenWrt UPnP/1.1 MiniUPnPd/2.3.3", f["server"]);
        Assert.Equal("1.1", f["spec_version"]);
        Assert.Equal("urn:schemas-upnp-org:device:InternetGatewayDevice:1", f["device_type"]);
        Assert.Equal("OpenWRT router", f["friendly_name"]);
        Assert.Equal("OpenWRT", f["manufacturer"]);
        Assert.Equal("https://openwrt.org/", f["manufacturer_url"]);
        Assert.Equal("OpenWRT router", f["model_name"]);
        Assert.Equal("1", f["model_number"]);
        Assert.Equal("00000000", f["serial_number"]);
        Assert.Equal("uuid:11111111-2222-3333-4444-555555555555", f["udn"]);
        Assert.Equal("http://192.168.1.1/", f["presentation_url"]);
        Assert.Equal("urn:schemas-upnp-org:device:WANDevice:1", f["device_1_type"]);
        Assert.Equal("0", f["device_1_parent"]);
        Assert.Equal("urn:schemas-upnp-org:device:WANConnectionDevice:1", f["device_2_type"]);
        Assert.Equal("uuid:11111111-2222-3333-4444-555555555557", f["device_2_udn"]);
        Assert.Equal("1", f["device_2_parent"]);
        Assert.Equal("urn:schemas-upnp-org:service:Layer3Forwarding:1", f["service_1_type"]);
        Assert.Equal("0", f["service_1_device"]);
        Assert.Equal("/ctl/CmnIfCfg", f["service_2_control_url"]);
        Assert.Equal("1", f["service_2_device"]);
        Assert.Equal("urn:schemas-upnp-org:service:WANIPConnection:1", f["service_3_type"]);
        Assert.Equal("urn:upnp-org:serviceId:WANIPConn1", f["service_3_id"]);
        Assert.Equal("/WANIPCn.xml", f["service_3_scpd_url"]);
        Assert.Equal("/ctl/IPConn", f["service_3_control_url"]);
        Assert.Equal("/evt/IPConn", f["service_3_event_sub_url"]);
        Assert.Equal("2", f["service_3_device"]);
        Assert.Equal("3", f["devices_total"]);
        Assert.Equal("3", f["services_total"]);
        Assert.Equal("uuid:11111111-2222-3333-4444-555555555555", description.Description.Root!.Udn);
        Assert.Equal(5000, sink.Events[0].Packet.SrcPort);
    }

    [Fact]
    public void TheCapturedRokuDescriptionIsRead()
    {
        var sink = HttpConversation.Exchange(CapturedMessages.RokuDeviceDescriptionRequest, CapturedMessages.RokuDeviceDescriptionResponse);

        var f = Fields(sink.Events.OfType<DescriptionMessage>().Single());
        Assert.Equal("http://10.0.0.151:8060/dial/dd.xml", f["location"]);
        Assert.Equal("Roku Express", f["model_name"]);
        Assert.Equal("3900X", f["model_number"]);
        Assert.Equal("YG004J486863", f["serial_number"]);
        Assert.Equal("urn:dial-multiscreen-org:service:dial:1", f["service_2_type"]);
        Assert.Equal("", f["service_2_control_url"]);
        Assert.Equal("http://10.0.0.151:8060/dial", f["application_url"]);
        Assert.Equal("Roku UPnP/1.0 MiniUPnPd/1.4", f["server"]);
    }

    [Fact]
    public void EverySplitOfADescriptionInAnyOrderGivesTheSameRow()
    {
        var response = HttpConversation.Bytes(Ok(IgdDescription));
        var expected = Fields(HttpConversation.Exchange(Get(), Ok(IgdDescription)).Events[0]);
        expected.Remove("request_frame");
        for (int a = 1; a < response.Length; a += 11)
        foreach (var order in new[] { new[] { 0, 1, 2 }, new[] { 2, 1, 0 }, new[] { 1, 2, 0 } })
        {
            var c = new HttpConversation();
            c.Client(Get(), segmentSize: 50);
            if (a + 400 < response.Length) c.SendPieces(fromClient: false, response, [a, a + 400], order);
            else c.SendPieces(fromClient: false, response, [a], order[0] == 0 ? [0, 1] : [1, 0]);
            c.Close();
            var f = Fields(Assert.Single(c.Sink.Events));
            f.Remove("request_frame");
            Assert.Equal(expected, f);
        }
    }

    [Fact]
    public void AChunkedDescriptionWithoutContentTypeIsRead()
    {
        string body = IgdDescription;
        var response = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" +
                       $"{100:x}\r\n{body[..100]}\r\n{body.Length - 100:x}\r\n{body[100..]}\r\n0\r\n\r\n";
        var sink = HttpConversation.Exchange(Get("/desc.xml"), response);

        Assert.Equal("OpenWRT router", Fields(Assert.Single(sink.Events))["friendly_name"]);
    }

    [Fact]
    public void ADescriptionWithADoctypeIsEvidence()
    {
        string body = IgdDescription.Replace("<?xml version=\"1.0\"?>\r\n",
            "<?xml version=\"1.0\"?>\r\n<!DOCTYPE root [<!ENTITY xxe SYSTEM \"http://198.51.100.1/x\">]>\r\n");
        var sink = HttpConversation.Exchange(Get(), Ok(body));

        var f = Fields(Assert.Single(sink.Events));
        Assert.Equal("1", f["doctype"]);
        Assert.Equal("1", f["entity"]);
        Assert.Equal("OpenWRT router", f["friendly_name"]);
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\"?><scpd xmlns=\"urn:schemas-upnp-org:service-1-0\"><actionList/></scpd>", "text/xml")]
    [InlineData("<html><body>router login</body></html>", "text/xml")]
    [InlineData("{\"device\":\"x\"}", "application/json")]
    [InlineData("<root xmlns=\"urn:schemas-upnp-org:device-1-0\"><specVersion/></root>", "text/xml")]
    public void ADocumentThatIsNotADeviceDescriptionGivesNoRow(string body, string contentType)
    {
        var sink = HttpConversation.Exchange(Get("/WANIPCn.xml"), Ok(body, contentType));
        Assert.Empty(sink.Events);
    }

    [Fact]
    public void WithoutAHostHeaderTheLocationIsTheServerAddress()
    {
        var sink = HttpConversation.Exchange("GET /rootDesc.xml HTTP/1.0\r\n\r\n", Ok(IgdDescription));
        Assert.Equal("http://192.168.1.1:5000/rootDesc.xml", Fields(Assert.Single(sink.Events))["location"]);
    }

    [Fact]
    public void ManyEmbeddedDevicesAndServicesAreCappedAndCounted()
    {
        string service = "<service><serviceType>urn:x-com:service:S:1</serviceType><controlURL>/c</controlURL></service>";
        string device = "<device><deviceType>urn:x-com:device:D:1</deviceType><serviceList>" +
                        string.Concat(Enumerable.Repeat(service, 3)) + "</serviceList></device>";
        string body = "<root xmlns=\"urn:schemas-upnp-org:device-1-0\"><device><deviceType>urn:x-com:device:R:1</deviceType><deviceList>" +
                      string.Concat(Enumerable.Repeat(device, 40)) + "</deviceList></device></root>";
        var sink = HttpConversation.Exchange(Get(), Ok(body));

        var d = Assert.IsType<DescriptionMessage>(Assert.Single(sink.Events)).Description;
        Assert.Equal(41, d.DeviceCount);
        Assert.Equal(120, d.ServiceCount);
        Assert.Equal(DeviceDescription.MaxDevices, d.Devices.Count);
        Assert.Equal(DeviceDescription.MaxServices, d.Services.Count);
    }
}
