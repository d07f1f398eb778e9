using Analyzer.Decoding;
using Analyzer.Decoding.Http;
using Analyzer.Decoding.Ssdp;
using Analyzer.Events;

namespace Analyzer.Tests.Decoding.Ssdp;

public class SsdpParserTests
{
    private static readonly PacketInfo Multicast = new()
    {
        TimestampUs = 1_700_000_000_000_000,
        Src = NetAddress.Parse("192.168.1.20"),
        Dst = NetAddress.Parse("239.255.255.250"),
        SrcPort = 50_000,
        DstPort = SsdpAnalyzer.Port,
        Transport = Transport.Udp,
    };

    [Theory]
    [MemberData(nameof(SsdpParsingData.ValidMessages), MemberType = typeof(SsdpParsingData))]
    public void ParseDecodesEveryHeaderWhateverTheCaseSpacingAndLineEnd(string sample, string nameCase, string separator, string lineEnd)
    {
        var expected = SsdpParsingData.Samples[sample];
        byte[] datagram = SsdpParsingData.Bytes(SsdpParsingData.Build(sample, nameCase, separator, lineEnd));

        var status = SsdpParser.Parse(Multicast, datagram, new HttpHead(), out var message, out var anomaly);

        Assert.Equal(ParseStatus.Ok, status);
        Assert.Null(anomaly);
        Assert.NotNull(message);
        Assert.Equal(expected.Kind, message.Kind);
        Assert.Equal(datagram.Length, message.Length);
        Assert.Equal(datagram.Length, message.HeadLength);
        Assert.Equal(expected.Headers.Length, message.HeaderLines);
        Assert.Equal(expected.Headers.Length, message.Headers.Count);
        for (int i = 0; i < expected.Headers.Length; i++)
        {
            var (name, value) = expected.Headers[i];
            Assert.Equal(SsdpParsingData.NameCases[nameCase](name), message.Headers[i].Name);
            Assert.Equal(value, message.Headers[i].Value);
            Assert.Equal(value.Length, message.Headers[i].RawLength);
        }
        Assert.Equal(Expected(expected, "HOST"), message.Host);
        Assert.Equal(Expected(expected, "ST"), message.St);
        Assert.Equal(Expected(expected, "NT"), message.Nt);
        Assert.Equal(Expected(expected, "NTS"), message.Nts);
        Assert.Equal(Expected(expected, "USN"), message.Usn);
        Assert.Equal(Expected(expected, "LOCATION"), message.Location);
        Assert.Equal(Expected(expected, "SERVER"), message.Server);
        Assert.Equal(Expected(expected, "USER-AGENT"), message.UserAgent);
        Assert.Equal(Expected(expected, "MAN"), message.Man);
        Assert.Equal(Expected(expected, "MX"), message.Mx);
        Assert.Equal(Expected(expected, "CACHE-CONTROL"), message.CacheControl);
        Assert.Equal(Expected(expected, "BOOTID.UPNP.ORG"), message.BootId);
        Assert.Equal(Expected(expected, "CONFIGID.UPNP.ORG"), message.ConfigId);
        Assert.Equal(Expected(expected, "SEARCHPORT.UPNP.ORG"), message.SearchPort);
        Assert.Equal(Expected(expected, "MX") is { } mx ? int.Parse(mx) : null, message.MxSeconds);
        Assert.Equal(Expected(expected, "CACHE-CONTROL") is { } cc ? int.Parse(cc["max-age=".Length..]) : null, message.MaxAgeSeconds);
        if (expected.Kind == SsdpKind.Response)
        {
            Assert.Equal(200, message.StatusCode);
            Assert.Equal("OK", message.Reason);
            Assert.Null(message.Method);
        }
        else
        {
            Assert.Equal(expected.StartLine.Split(' ')[0], message.Method);
            Assert.Equal("*", message.Target);
            Assert.Equal(0, message.StatusCode);
        }
        Assert.Equal("HTTP/1.1", message.Version);
    }

    [Theory]
    [MemberData(nameof(SsdpParsingData.ValidMessagePrefixes), MemberType = typeof(SsdpParsingData))]
    public void ParseReturnsIncompleteForEveryPrefixOfAValidMessage(string sample, string lineEnd, int length)
    {
        byte[] datagram = SsdpParsingData.Bytes(SsdpParsingData.Build(sample, "upper", ": ", lineEnd))[..length];

        var status = SsdpParser.Parse(Multicast, datagram, new HttpHead(), out var message, out var anomaly);

        Assert.Equal(ParseStatus.Incomplete, status);
        Assert.Null(message);
        Assert.Null(anomaly);
    }

    [Theory]
    [MemberData(nameof(SsdpParsingData.ValidMessagePrefixes), MemberType = typeof(SsdpParsingData))]
    public void AnalyzerEmitsNoEventForAPrefixOfAValidMessage(string sample, string lineEnd, int length)
    {
        byte[] datagram = SsdpParsingData.Bytes(SsdpParsingData.Build(sample, "upper", ": ", lineEnd))[..length];
        var sink = new EventList();

        new SsdpAnalyzer().OnDatagram(Multicast, datagram, sink);

        Assert.Empty(sink.Events);
        var anomaly = Assert.Single(sink.Anomalies);
        Assert.Equal(length == 0 ? SsdpAnomalyIds.NotHttp : SsdpAnomalyIds.UnterminatedHead, anomaly.Id);
    }

    [Theory]
    [MemberData(nameof(SsdpParsingData.InvalidDatagrams), MemberType = typeof(SsdpParsingData))]
    public void AnalyzerReportsAMalformedDatagramAsOneAnomalyAndNoEvent(string text, string anomalyId)
    {
        byte[] datagram = SsdpParsingData.Bytes(text);
        var sink = new EventList();

        new SsdpAnalyzer().OnDatagram(Multicast, datagram, sink);

        Assert.Empty(sink.Events);
        var anomaly = Assert.Single(sink.Anomalies);
        Assert.Equal(anomalyId, anomaly.Id);
        Assert.Equal(Multicast, anomaly.Packet);
        Assert.True(anomaly.Detail.Length <= 200, "anomaly detail is short");
    }

    [Theory]
    [MemberData(nameof(SsdpParsingData.InvalidDatagrams), MemberType = typeof(SsdpParsingData))]
    public void ParseNeverReturnsAMessageForAMalformedDatagram(string text, string anomalyId)
    {
        var status = SsdpParser.Parse(Multicast, SsdpParsingData.Bytes(text), new HttpHead(), out var message, out var anomaly);

        Assert.NotEqual(ParseStatus.Ok, status);
        Assert.Null(message);
        if (status == ParseStatus.Invalid) Assert.Equal(anomalyId, anomaly!.Id);
        else Assert.Null(anomaly);
    }

    [Fact]
    public void UnterminatedHeadAnomalyStartsWithTheDatagramLength()
    {
        byte[] exploit = SsdpParsingData.Bytes(SsdpParsingData.MiniupnpdExploit);
        var sink = new EventList();

        new SsdpAnalyzer().OnDatagram(Multicast, exploit, sink);

        var anomaly = Assert.Single(sink.Anomalies);
        Assert.Equal(SsdpAnomalyIds.UnterminatedHead, anomaly.Id);
        Assert.StartsWith("length=1500 ends_with_newline=no M-SEARCH * HTTP/1.1", anomaly.Detail);
    }

    [Fact]
    public void ParseKeepsTheRealLengthOfAnOverlongValueAndCutsItsText()
    {
        string usn = "uuid:schemas:device:" + new string('A', 3000) + ":end";
        byte[] datagram = SsdpParsingData.Bytes($"NOTIFY * HTTP/1.1\r\nNT: upnp:rootdevice\r\nNTS: ssdp:alive\r\nUSN: {usn}\r\n\r\n");

        SsdpParser.Parse(Multicast, datagram, new HttpHead(), out var message, out _);

        Assert.NotNull(message);
        Assert.Equal(usn[..SsdpParser.MaxValueBytes], message.Usn);
        Assert.Equal(usn.Length, message.Find(SsdpHeaderId.Usn)!.Value.RawLength);
        Assert.Equal("USN: ".Length + usn.Length, message.LongestHeaderLine);
    }

    [Fact]
    public void AValueRepeatedByTheNextMessageIsTheSameTextAndAChangedOneIsItsOwn()
    {
        SsdpMessage Notify(string location, string server)
        {
            byte[] datagram = SsdpParsingData.Bytes($"NOTIFY * HTTP/1.1\r\nLOCATION: {location}\r\nSERVER: {server}\r\nNT: upnp:rootdevice\r\nNTS: ssdp:alive\r\n\r\n");
            SsdpParser.Parse(Multicast, datagram, new HttpHead(), out var message, out _);
            return message!;
        }

        var first = Notify("http://10.0.0.1/a.xml", "Linux UPnP/1.0 x/1");
        var second = Notify("http://10.0.0.1/b.xml", "Linux UPnP/1.0 x/1");
        var third = Notify("http://10.0.0.1/b.xml", "Linux UPnP/1.0 caf\u00e9/1");
        var fourth = Notify("http://10.0.0.1/b.xml", "Linux UPnP/1.0 caf\u00e9/1");

        Assert.Equal(("http://10.0.0.1/a.xml", "Linux UPnP/1.0 x/1"), (first.Location, first.Server));
        Assert.Equal(("http://10.0.0.1/b.xml", "Linux UPnP/1.0 x/1"), (second.Location, second.Server));
        Assert.Same(first.Server, second.Server);
        Assert.Same(second.Location, third.Location);
        // Not ASCII (Latin-1 é, not UTF-8): decoded as it always was, never taken from the last value.
        Assert.Equal("Linux UPnP/1.0 caf\ufffd/1", third.Server);
        Assert.Equal(third.Server, fourth.Server);
    }

    [Fact]
    public void ParseTakesTypedValuesFromTheFirstOfRepeatedHeadersAndKeepsBoth()
    {
        byte[] datagram = SsdpParsingData.Bytes("M-SEARCH * HTTP/1.1\r\nST: ssdp:all\r\nMX: 1\r\nst: upnp:rootdevice\r\nMX: 5\r\n\r\n");

        SsdpParser.Parse(Multicast, datagram, new HttpHead(), out var message, out _);

        Assert.NotNull(message);
        Assert.Equal("ssdp:all", message.St);
        Assert.Equal(1, message.MxSeconds);
        Assert.Equal(["ST", "MX", "st", "MX"], message.Headers.Select(h => h.Name));
    }

    [Theory]
    [InlineData("MX: 3", 3)]
    [InlineData("MX:120", 120)]
    [InlineData("MX: 0", 0)]
    [InlineData("MX: -1", null)]
    [InlineData("MX: 3s", null)]
    [InlineData("MX:", null)]
    [InlineData("MX: 99999999999", null)]
    public void ParseReadsMxAsWholeSecondsOrNull(string line, int? seconds)
    {
        byte[] datagram = SsdpParsingData.Bytes($"M-SEARCH * HTTP/1.1\r\nST: ssdp:all\r\n{line}\r\n\r\n");

        SsdpParser.Parse(Multicast, datagram, new HttpHead(), out var message, out _);

        Assert.Equal(seconds, message!.MxSeconds);
    }

    [Theory]
    [InlineData("max-age=1800", 1800)]
    [InlineData("MAX-AGE = 66", 66)]
    [InlineData("no-cache=\"Ext\", max-age=5000", 5000)]
    [InlineData("max-age=120, private", 120)]
    [InlineData("max-age", null)]
    [InlineData("max-age=", null)]
    [InlineData("no-cache", null)]
    [InlineData("max-age=12345678901", null)]
    public void ParseReadsTheMaxAgeDirectiveOfCacheControl(string value, int? seconds)
    {
        byte[] datagram = SsdpParsingData.Bytes($"HTTP/1.1 200 OK\r\nCACHE-CONTROL: {value}\r\nST: ssdp:all\r\n\r\n");

        SsdpParser.Parse(Multicast, datagram, new HttpHead(), out var message, out _);

        Assert.Equal(seconds, message!.MaxAgeSeconds);
    }

    [Theory]
    [InlineData("HTTP/1.1 200 OK", 200, "OK")]
    [InlineData("HTTP/1.1 404 Not Found", 404, "Not Found")]
    [InlineData("HTTP/1.0 200", 200, "")]
    public void ParseAcceptsAnyStatusLineAsAResponse(string statusLine, int code, string reason)
    {
        byte[] datagram = SsdpParsingData.Bytes($"{statusLine}\r\nST: ssdp:all\r\n\r\n");

        var status = SsdpParser.Parse(Multicast.Reversed(), datagram, new HttpHead(), out var message, out _);

        Assert.Equal(ParseStatus.Ok, status);
        Assert.Equal(SsdpKind.Response, message!.Kind);
        Assert.Equal("RESPONSE", message.Message);
        Assert.Equal(code, message.StatusCode);
        Assert.Equal(reason, message.Reason);
    }

    private static string? Expected(SsdpParsingData.Sample sample, string name) =>
        sample.Headers.Where(h => h.Name == name).Select(h => h.Value).Cast<string?>().FirstOrDefault();
}
