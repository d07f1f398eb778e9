using Analyzer.Decoding;
using Analyzer.Decoding.Ssdp;
using Analyzer.Events;

namespace Analyzer.Tests.Decoding.Ssdp;

/// <summary>Real datagrams from the conformance captures, checked field by field against what tshark shows.</summary>
public class SsdpCapturedDatagramTests
{
    [Fact]
    public void Ipv6MSearchToFf02ColonCDecodesAsWiresharkShowsIt()
    {
        var message = DecodeOne(SsdpCaptures.Ipv6MSearch);

        Assert.Equal(SsdpKind.MSearch, message.Kind);
        Assert.Equal("M-SEARCH", message.Message);
        Assert.Equal("ssdp", message.Protocol);
        Assert.Equal("M-SEARCH", message.Method);
        Assert.Equal("*", message.Target);
        Assert.Equal("HTTP/1.1", message.Version);
        Assert.Equal("[FF02::C]:1900", message.Host);
        Assert.Equal("urn:Microsoft Windows Peer Name Resolution Protocol: V4:IPV6:LinkLocal", message.St);
        Assert.Equal("\"ssdp:discover\"", message.Man);
        Assert.Equal("3", message.Mx);
        Assert.Equal(3, message.MxSeconds);
        Assert.Equal(["Host", "ST", "Man", "MX"], message.Headers.Select(h => h.Name));
        Assert.Equal(146, message.Length);
        Assert.Equal(146, message.HeadLength);
        Assert.Equal(4, message.HeaderLines);
        Assert.Equal(73, message.LongestHeaderLine);
        Assert.Equal(NetAddress.Parse("ff02::c"), message.Packet.Dst);
        Assert.True(message.Packet.Dst.IsV6);
    }

    [Fact]
    public void MiniupnpdNotifyDecodesAsWiresharkShowsIt()
    {
        var message = DecodeOne(SsdpCaptures.MiniupnpdNotify);

        Assert.Equal(SsdpKind.Notify, message.Kind);
        Assert.Equal("NOTIFY", message.Message);
        Assert.Equal("239.255.255.250:1900", message.Host);
        Assert.Equal("max-age=120", message.CacheControl);
        Assert.Equal(120, message.MaxAgeSeconds);
        Assert.Equal("http://192.168.1.1:7406/rootDesc.xml", message.Location);
        Assert.Equal("UPnP/Tomato 1.28.7500 MIPSR2Toastman-RT K26 USB Ext UPnP/1.0 MiniUPnPd/1.6", message.Server);
        Assert.Equal("upnp:rootdevice", message.Nt);
        Assert.Equal("uuid:04645c3d-e6b4-4eea-bd35-5c320c12969f::upnp:rootdevice", message.Usn);
        Assert.Equal("ssdp:alive", message.Nts);
        Assert.Equal("1", message.BootId);
        Assert.Equal("1337", message.ConfigId);
        Assert.Null(message.SearchPort);
        Assert.Equal(
            ["HOST", "CACHE-CONTROL", "lOCATION", "SERVER", "NT", "USN", "NTS", "OPT", "01-NLS", "BOOTID.UPNP.ORG", "CONFIGID.UPNP.ORG"],
            message.Headers.Select(h => h.Name));
        Assert.Equal("\"http://schemas.upnp.org/upnp/1/0/\";", message.Headers[7].Value);
        Assert.Equal("1", message.Headers[8].Value);
        Assert.Equal(411, message.Length);
        Assert.Equal(11, message.HeaderLines);
        Assert.Equal(82, message.LongestHeaderLine);
    }

    [Fact]
    public void RokuResponseFromPort1900DecodesAsWiresharkShowsIt()
    {
        var message = DecodeOne(SsdpCaptures.RokuResponse);

        Assert.Equal(SsdpKind.Response, message.Kind);
        Assert.Equal("RESPONSE", message.Message);
        Assert.Null(message.Method);
        Assert.Equal(200, message.StatusCode);
        Assert.Equal("OK", message.Reason);
        Assert.Equal("max-age=3600", message.CacheControl);
        Assert.Equal(3600, message.MaxAgeSeconds);
        Assert.Equal("urn:dial-multiscreen-org:service:dial:1", message.St);
        Assert.Equal("uuid:295c0004-6807-106d-80cf-d831342077fb::urn:dial-multiscreen-org:service:dial:1", message.Usn);
        Assert.Equal("Roku UPnP/1.0 Roku/9.1.0", message.Server);
        Assert.Equal("http://10.0.0.151:8060/dial/dd.xml", message.Location);
        Assert.Equal(["Cache-Control", "ST", "USN", "Ext", "Server", "LOCATION", "WAKEUP"], message.Headers.Select(h => h.Name));
        Assert.Equal("", message.Headers[3].Value);
        Assert.Equal("MAC=d8:31:34:20:77:fb;Timeout=10", message.Headers[6].Value);
        Assert.Equal(311, message.Length);
        Assert.Equal(7, message.HeaderLines);
        Assert.Equal(87, message.LongestHeaderLine);
    }

    [Fact]
    public void ChromecastResponseFromAnEphemeralPortDecodesAfterTheSearchItAnswers()
    {
        var analyzer = new SsdpAnalyzer();
        var sink = new EventList();
        var search = SsdpCaptures.ChromeDialMSearch;
        var reply = SsdpCaptures.ChromecastResponse;

        Assert.False(analyzer.Wants(reply.Packet, reply.Payload));
        Feed(analyzer, search, sink);
        Assert.True(analyzer.Wants(reply.Packet, reply.Payload));
        Feed(analyzer, reply, sink);

        Assert.Empty(sink.Anomalies);
        Assert.Equal(2, sink.Events.Count);
        var message = Assert.IsType<SsdpMessage>(sink.Events[1]);
        Assert.Equal(SsdpKind.Response, message.Kind);
        Assert.Equal(38616, message.Packet.SrcPort);
        Assert.Equal("max-age=1800", message.CacheControl);
        Assert.Equal("http://10.0.0.149:8008/ssdp/device-desc.xml", message.Location);
        Assert.Equal("Linux/3.8.13+, UPnP/1.0, Portable SDK for UPnP devices/1.6.18", message.Server);
        Assert.Equal("urn:dial-multiscreen-org:service:dial:1", message.St);
        Assert.Equal("uuid:79d88e83-725c-b71b-bad0-5862d5b22386::urn:dial-multiscreen-org:service:dial:1", message.Usn);
        Assert.Equal("472", message.BootId);
        Assert.Equal("1", message.ConfigId);
        Assert.Equal(
            ["CACHE-CONTROL", "DATE", "EXT", "LOCATION", "OPT", "01-NLS", "SERVER", "X-User-Agent", "ST", "USN", "BOOTID.UPNP.ORG", "CONFIGID.UPNP.ORG"],
            message.Headers.Select(h => h.Name));
        Assert.Equal("redsonic", message.Headers[7].Value);
        Assert.Equal(514, message.Length);
        Assert.Equal(12, message.HeaderLines);
    }

    [Fact]
    public void ChromeSearchCarriesItsUserAgent()
    {
        var message = DecodeOne(SsdpCaptures.ChromeDialMSearch);

        Assert.Equal("Google Chrome/77.0.3865.90 Mac OS X", message.UserAgent);
        Assert.Equal("urn:dial-multiscreen-org:service:dial:1", message.St);
        Assert.Equal(1, message.MxSeconds);
        Assert.Equal(174, message.Length);
        Assert.Equal(47, message.LongestHeaderLine);
    }

    [Fact]
    public void IosSearchWithANulAfterTheHeadIsAMessageWithAOneByteBody()
    {
        var message = DecodeOne(SsdpCaptures.IosMSearchWithNul);

        Assert.Equal(SsdpKind.MSearch, message.Kind);
        Assert.Equal("urn:dial-multiscreen-org:service:dial:1", message.St);
        Assert.Equal(126, message.Length);
        Assert.Equal(125, message.HeadLength);
        Assert.Equal(1, message.BodyLength);
    }

    private static SsdpMessage DecodeOne(SsdpCaptures.Datagram datagram)
    {
        var analyzer = new SsdpAnalyzer();
        var sink = new EventList();
        Assert.True(analyzer.Wants(datagram.Packet, datagram.Payload));
        analyzer.OnDatagram(datagram.Packet, datagram.Payload, sink);
        Assert.Empty(sink.Anomalies);
        var message = Assert.IsType<SsdpMessage>(Assert.Single(sink.Events));
        Assert.Equal(datagram.Packet, message.Packet);
        return message;
    }

    private static void Feed(SsdpAnalyzer analyzer, SsdpCaptures.Datagram datagram, IEventSink sink)
    {
        if (analyzer.Wants(datagram.Packet, datagram.Payload)) analyzer.OnDatagram(datagram.Packet, datagram.Payload, sink);
    }
}
