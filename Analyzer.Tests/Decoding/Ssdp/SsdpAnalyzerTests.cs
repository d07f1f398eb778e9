using Analyzer.Decoding;
using Analyzer.Decoding.Ssdp;
using Analyzer.Events;

namespace Analyzer.Tests.Decoding.Ssdp;

public class SsdpAnalyzerTests
{
    private const long Second = 1_000_000;
    private const long T0 = 1_700_000_000 * Second;

    private static readonly NetAddress Searcher = NetAddress.Parse("192.168.1.20");
    private static readonly NetAddress Device = NetAddress.Parse("192.168.1.1");
    private static readonly byte[] Reply = SsdpParsingData.Bytes(
        "HTTP/1.1 200 OK\r\nCACHE-CONTROL: max-age=1800\r\nST: upnp:rootdevice\r\nUSN: uuid:1::upnp:rootdevice\r\n\r\n");

    [Theory]
    [InlineData("239.255.255.250", 1900, "192.168.1.20", 50000)]
    [InlineData("192.168.1.20", 50000, "239.255.255.250", 1900)]
    [InlineData("fe80::1", 50000, "ff02::c", 1900)]
    [InlineData("fe80::1", 50000, "ff05::c", 1900)]
    [InlineData("192.168.1.20", 50000, "192.168.1.1", 1900)]
    [InlineData("192.168.1.1", 1900, "192.168.1.20", 1900)]
    public void WantsEveryUdpDatagramToOrFromPort1900(string src, ushort srcPort, string dst, ushort dstPort)
    {
        var packet = Udp(NetAddress.Parse(src), srcPort, NetAddress.Parse(dst), dstPort, T0);

        Assert.True(new SsdpAnalyzer().Wants(packet, "anything"u8));
    }

    [Fact]
    public void SsdpTextInATcpSegmentOnPort1900IsNotWanted()
    {
        var packet = Udp(Searcher, 50000, Device, SsdpAnalyzer.Port, T0) with { Transport = Transport.Tcp };

        Assert.False(new SsdpAnalyzer().Wants(packet, Search(3)));
    }

    [Fact]
    public void MSearchTextOnUdp32412IsNotSsdp()
    {
        var analyzer = new SsdpAnalyzer();
        var plexSearch = Udp(Searcher, 42253, NetAddress.Parse("255.255.255.255"), 32412, T0);
        var plexReply = Udp(Device, 32412, Searcher, 42253, T0 + Second);

        Assert.False(analyzer.Wants(plexSearch, "M-SEARCH * HTTP/1.1\r\n\r\n"u8));
        Assert.False(analyzer.Wants(plexReply, Reply));
        Assert.Equal(0, analyzer.TrackedSearchers);
    }

    [Fact]
    public void ResponseFromAnotherPortIsWantedOnlyAfterASearchFromTheEndpointItIsAddressedTo()
    {
        var analyzer = new SsdpAnalyzer();
        var sink = new EventList();
        var reply = Udp(Device, 1901, Searcher, 50000, T0 + Second);

        Assert.False(analyzer.Wants(reply, Reply));
        SendSearch(analyzer, sink, Searcher, 50000, T0, mx: 3);

        Assert.True(analyzer.Wants(reply, Reply));
        Assert.False(analyzer.Wants(reply with { DstPort = 50001 }, Reply));
        Assert.False(analyzer.Wants(reply with { Dst = NetAddress.Parse("192.168.1.21") }, Reply));
        Assert.False(analyzer.Wants(reply, "NOTIFY * HTTP/1.1\r\n\r\n"u8));
        Assert.False(analyzer.Wants(reply with { Transport = Transport.Tcp }, Reply));

        analyzer.OnDatagram(reply, Reply, sink);
        var response = Assert.IsType<SsdpMessage>(sink.Events[^1]);
        Assert.Equal("RESPONSE", response.Message);
        Assert.Equal(1901, response.Packet.SrcPort);
        Assert.Empty(sink.Anomalies);
    }

    [Fact]
    public void SearchFromAnIpv6EndpointIsAnsweredFromAnyPort()
    {
        var analyzer = new SsdpAnalyzer();
        var searcher = NetAddress.Parse("fe80::4dc7:f593:1f7b:dc11");
        SendSearch(analyzer, new EventList(), searcher, 63628, T0, mx: 3, dst: NetAddress.Parse("ff02::c"));

        Assert.True(analyzer.Wants(Udp(NetAddress.Parse("fe80::2"), 49152, searcher, 63628, T0 + Second), Reply));
        var otherHost = NetAddress.Parse("fe80::4dc7:f593:1f7b:dc12");
        Assert.False(analyzer.Wants(Udp(NetAddress.Parse("fe80::2"), 49152, otherHost, 63628, T0 + Second), Reply));
    }

    [Theory]
    [InlineData("3", 3 + SsdpAnalyzer.ReplyMarginSeconds)]
    [InlineData("1", 1 + SsdpAnalyzer.ReplyMarginSeconds)]
    [InlineData("500", SsdpAnalyzer.MaxMxSeconds + SsdpAnalyzer.ReplyMarginSeconds)]
    [InlineData(null, SsdpAnalyzer.DefaultMxSeconds + SsdpAnalyzer.ReplyMarginSeconds)]
    [InlineData("soon", SsdpAnalyzer.DefaultMxSeconds + SsdpAnalyzer.ReplyMarginSeconds)]
    public void ReplyWindowIsMxPlusAMargin(string? mx, int windowSeconds)
    {
        var analyzer = new SsdpAnalyzer();
        var sink = new EventList();
        string mxLine = mx is null ? "" : $"MX: {mx}\r\n";
        analyzer.OnDatagram(Udp(Searcher, 50000, Device, SsdpAnalyzer.Port, T0),
            SsdpParsingData.Bytes($"M-SEARCH * HTTP/1.1\r\nHOST: 192.168.1.1:1900\r\nST: ssdp:all\r\n{mxLine}\r\n"), sink);
        Assert.Single(sink.Events);

        Assert.True(analyzer.Wants(Udp(Device, 49152, Searcher, 50000, T0 + windowSeconds * Second), Reply));
        Assert.False(analyzer.Wants(Udp(Device, 49152, Searcher, 50000, T0 + windowSeconds * Second + 1), Reply));
    }

    [Fact]
    public void ARepeatedSearchOpensANewReplyWindow()
    {
        var analyzer = new SsdpAnalyzer();
        var sink = new EventList();
        SendSearch(analyzer, sink, Searcher, 50000, T0, mx: 1);
        SendSearch(analyzer, sink, Searcher, 50000, T0 + 100 * Second, mx: 1);

        Assert.True(analyzer.Wants(Udp(Device, 49152, Searcher, 50000, T0 + 101 * Second), Reply));
        Assert.Equal(1, analyzer.TrackedSearchers);
    }

    [Fact]
    public void AMalformedSearchOpensNoReplyWindow()
    {
        var analyzer = new SsdpAnalyzer();
        var sink = new EventList();
        analyzer.OnDatagram(Udp(Searcher, 50000, Device, SsdpAnalyzer.Port, T0), "M-SEARCH * HTTP/1.1\r\nST: ssdp:all\r\n"u8, sink);

        Assert.Equal(SsdpAnomalyIds.UnterminatedHead, Assert.Single(sink.Anomalies).Id);
        Assert.Equal(0, analyzer.TrackedSearchers);
        Assert.False(analyzer.Wants(Udp(Device, 49152, Searcher, 50000, T0 + Second), Reply));
    }

    [Fact]
    public void SearcherTableKeepsAtMostItsCapAndForgetsTheOldestSearcherFirst()
    {
        var analyzer = new SsdpAnalyzer();
        var sink = new EventList();
        for (int i = 0; i <= SsdpAnalyzer.MaxTrackedSearchers; i++)
            SendSearch(analyzer, sink, Searcher, (ushort)(20000 + i), T0 + i, mx: 3);

        Assert.Equal(SsdpAnalyzer.MaxTrackedSearchers, analyzer.TrackedSearchers);
        long replyTime = T0 + Second;
        Assert.False(analyzer.Wants(Udp(Device, 49152, Searcher, 20000, replyTime), Reply));
        Assert.True(analyzer.Wants(Udp(Device, 49152, Searcher, 20001, replyTime), Reply));
        Assert.True(analyzer.Wants(Udp(Device, 49152, Searcher, (ushort)(20000 + SsdpAnalyzer.MaxTrackedSearchers), replyTime), Reply));
    }

    [Fact]
    public void SearcherTableDropsSearchersWhoseWindowHasPassed()
    {
        var analyzer = new SsdpAnalyzer();
        var sink = new EventList();
        for (int i = 0; i < 10; i++) SendSearch(analyzer, sink, Searcher, (ushort)(20000 + i), T0, mx: 1);
        Assert.Equal(10, analyzer.TrackedSearchers);

        SendSearch(analyzer, sink, Device, 30000, T0 + 60 * Second, mx: 1);

        Assert.Equal(1, analyzer.TrackedSearchers);
    }

    [Fact]
    public void OneEventPerMessageWithProtocolSsdpAndTheMessageKind()
    {
        var analyzer = new SsdpAnalyzer();
        var sink = new EventList();
        var toGroup = Udp(Device, 1900, NetAddress.Parse("239.255.255.250"), 1900, T0);
        analyzer.OnDatagram(toGroup, Sample("notify-alive"), sink);
        analyzer.OnDatagram(toGroup, Sample("msearch-multicast"), sink);
        analyzer.OnDatagram(toGroup.Reversed(), Sample("response"), sink);

        Assert.Empty(sink.Anomalies);
        Assert.Equal(["ssdp", "ssdp", "ssdp"], sink.Events.Select(e => e.Protocol));
        Assert.Equal(["NOTIFY", "M-SEARCH", "RESPONSE"], sink.Events.Select(e => e.Message));
    }

    private static byte[] Sample(string name) => SsdpParsingData.Bytes(SsdpParsingData.Build(name, "upper", ": ", "crlf"));

    private static byte[] Search(int mx) =>
        SsdpParsingData.Bytes($"M-SEARCH * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nMAN: \"ssdp:discover\"\r\nMX: {mx}\r\nST: ssdp:all\r\n\r\n");

    private static void SendSearch(SsdpAnalyzer analyzer, EventList sink, NetAddress from, ushort port, long timeUs, int mx,
        NetAddress? dst = null)
    {
        var packet = Udp(from, port, dst ?? NetAddress.Parse("239.255.255.250"), SsdpAnalyzer.Port, timeUs);
        Assert.True(analyzer.Wants(packet, Search(mx)));
        analyzer.OnDatagram(packet, Search(mx), sink);
    }

    private static PacketInfo Udp(NetAddress src, ushort srcPort, NetAddress dst, ushort dstPort, long timeUs) => new()
    {
        TimestampUs = timeUs,
        Src = src,
        SrcPort = srcPort,
        Dst = dst,
        DstPort = dstPort,
        Transport = Transport.Udp,
    };
}
