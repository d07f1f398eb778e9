using Analyzer.Decoding;
using Analyzer.Decoding.Http;
using Analyzer.Decoding.Ssdp;

namespace Analyzer.Tests.Decoding.Ssdp;

public class SsdpMessageFieldsTests
{
    [Fact]
    public void NotifyFieldsComeInTheStableOrder()
    {
        var message = Parse(SsdpCaptures.MiniupnpdNotify.Payload);

        Assert.Equal(
        [
            ("host", "239.255.255.250:1900"),
            ("nt", "upnp:rootdevice"),
            ("nts", "ssdp:alive"),
            ("usn", "uuid:04645c3d-e6b4-4eea-bd35-5c320c12969f::upnp:rootdevice"),
            ("location", "http://192.168.1.1:7406/rootDesc.xml"),
            ("server", "UPnP/Tomato 1.28.7500 MIPSR2Toastman-RT K26 USB Ext UPnP/1.0 MiniUPnPd/1.6"),
            ("cache_control", "max-age=120"),
            ("bootid", "1"),
            ("configid", "1337"),
            ("length", "411"),
            ("headers", "11"),
            ("longest_header", "82"),
            ("nt_len", "15"),
            ("usn_len", "58"),
            ("location_len", "36"),
            ("server_len", "74"),
            ("h_opt", "\"http://schemas.upnp.org/upnp/1/0/\";"),
            ("h_01-nls", "1"),
        ], Pairs(message));
    }

    [Fact]
    public void ResponseFieldsStartWithTheStatusAndKeepOtherHeaders()
    {
        var message = Parse(SsdpCaptures.ChromecastResponse.Payload);

        Assert.Equal(
        [
            ("status", "200"),
            ("st", "urn:dial-multiscreen-org:service:dial:1"),
            ("usn", "uuid:79d88e83-725c-b71b-bad0-5862d5b22386::urn:dial-multiscreen-org:service:dial:1"),
            ("location", "http://10.0.0.149:8008/ssdp/device-desc.xml"),
            ("server", "Linux/3.8.13+, UPnP/1.0, Portable SDK for UPnP devices/1.6.18"),
            ("cache_control", "max-age=1800"),
            ("bootid", "472"),
            ("configid", "1"),
            ("length", "514"),
            ("headers", "12"),
            ("longest_header", "87"),
            ("st_len", "39"),
            ("usn_len", "82"),
            ("location_len", "43"),
            ("server_len", "61"),
            ("h_date", "Sat, 28 Sep 2019 16:14:28 GMT"),
            ("h_ext", ""),
            ("h_opt", "\"http://schemas.upnp.org/upnp/1/0/\"; ns=01"),
            ("h_01-nls", "b3b10f6a-1dd1-11b2-b740-ae947939d308"),
            ("h_x-user-agent", "redsonic"),
        ], Pairs(message));
    }

    [Fact]
    public void SearchFieldsIncludeUserAgentMxAndTheBodyLength()
    {
        var message = Parse(SsdpCaptures.IosMSearchWithNul.Payload);

        Assert.Equal(
        [
            ("host", "239.255.255.250:1900"),
            ("st", "urn:dial-multiscreen-org:service:dial:1"),
            ("man", "\"ssdp:discover\""),
            ("mx", "1"),
            ("length", "126"),
            ("headers", "4"),
            ("longest_header", "43"),
            ("body_len", "1"),
            ("st_len", "39"),
        ], Pairs(message));
    }

    [Fact]
    public void SearchPortUserAgentAndAnUnusualTargetAreFields()
    {
        var message = Parse(SsdpParsingData.Bytes(
            "M-SEARCH /x HTTP/1.1\r\nST: ssdp:all\r\nUSER-AGENT: a b\r\nSEARCHPORT.UPNP.ORG: 49152\r\n\r\n"));

        var fields = Pairs(message);

        Assert.Equal(("target", "/x"), fields[0]);
        Assert.Contains(("user_agent", "a b"), fields);
        Assert.Contains(("user_agent_len", "3"), fields);
        Assert.Contains(("searchport", "49152"), fields);
    }

    [Fact]
    public void OverlongValuesAreCutInFieldsWithTheirRealLengthBeside()
    {
        string location = "http://192.168.1.1/" + new string('a', 5000);
        var message = Parse(SsdpParsingData.Bytes($"NOTIFY * HTTP/1.1\r\nNTS: ssdp:alive\r\nLOCATION: {location}\r\n\r\n"));

        var fields = Pairs(message);

        Assert.Contains(("location", location[..SsdpParser.MaxValueBytes]), fields);
        Assert.Contains(("location_len", location.Length.ToString()), fields);
    }

    [Fact]
    public void OtherHeaderNamesAreLowerCasedSanitizedCappedAndGivenOnce()
    {
        string longName = "X-" + new string('N', 200);
        var message = Parse(SsdpParsingData.Bytes(
            $"NOTIFY * HTTP/1.1\r\nNTS: ssdp:alive\r\nX-Weird Name$: 1\r\nx-weird name$: 2\r\n{longName}: 3\r\n\r\n"));

        var others = Pairs(message).Where(f => f.Name.StartsWith("h_")).ToList();

        Assert.Equal(2, others.Count);
        Assert.Equal(("h_x-weird_name_", "1"), others[0]);
        Assert.Equal(SsdpMessage.MaxFieldNameChars, others[1].Name.Length);
        Assert.Equal("h_x-" + new string('n', SsdpMessage.MaxFieldNameChars - 4), others[1].Name);
    }

    [Fact]
    public void FieldNamesAreLowerCaseAndUniqueForEveryValidSample()
    {
        foreach (string sample in SsdpParsingData.Samples.Keys)
        {
            var names = Pairs(Parse(SsdpParsingData.Bytes(SsdpParsingData.Build(sample, "title", ":", "lf")))).Select(f => f.Name).ToList();

            Assert.Equal(names.Count, names.Distinct().Count());
            Assert.All(names, n => Assert.Matches("^[a-z0-9_-]+$", n));
        }
    }

    private static SsdpMessage Parse(byte[] datagram)
    {
        var status = SsdpParser.Parse(default(PacketInfo), datagram, new HttpHead(), out var message, out _);
        Assert.Equal(ParseStatus.Ok, status);
        return message!;
    }

    private static List<(string Name, string Value)> Pairs(SsdpMessage message) =>
        message.Fields().Select(f => (f.Key, f.Value)).ToList();
}
