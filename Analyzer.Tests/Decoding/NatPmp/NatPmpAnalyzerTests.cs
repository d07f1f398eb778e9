using Analyzer.Decoding;
using Analyzer.Decoding.NatPmp;
using Analyzer.Events;
using static Analyzer.Tests.Decoding.NatPmp.NatPmpTestPackets;

namespace Analyzer.Tests.Decoding.NatPmp;

public class NatPmpAnalyzerTests
{
    private readonly NatPmpAnalyzer _analyzer = new();

    [Theory]
    [InlineData(36852, 5351, true)]
    [InlineData(5351, 36852, true)]
    [InlineData(5351, 5350, true)]
    [InlineData(40000, 5350, true)]
    [InlineData(40000, 5352, false)]
    [InlineData(1900, 5353, false)]
    public void WantsUdpToOrFromPorts5350And5351(ushort srcPort, ushort dstPort, bool wanted)
    {
        var packet = Udp("192.168.1.2", srcPort, "192.168.1.1", dstPort);

        Assert.Equal(wanted, _analyzer.Wants(packet, [0, 0]));
    }

    [Fact]
    public void DoesNotWantTcpOrDatagramsShorterThanTwoBytes()
    {
        var udp = ToServer();

        Assert.False(_analyzer.Wants(udp with { Transport = Transport.Tcp }, [0, 0]));
        Assert.False(_analyzer.Wants(udp, [0]));
        Assert.False(_analyzer.Wants(udp, []));
    }

    [Fact]
    public void VersionZeroIsDecodedAsNatPmp()
    {
        var sink = new EventList();
        _analyzer.OnDatagram(ToServer(), Convert.FromHexString("00020000c8d5c8d500000e10"), sink);

        var message = Assert.IsType<NatPmpMessage>(Assert.Single(sink.Events));
        Assert.Equal("MapTcpRequest", message.Message);
        Assert.Empty(sink.Anomalies);
    }

    [Fact]
    public void VersionTwoIsDecodedAsPcp()
    {
        var packet = Udp("192.168.2.1", 5351, "224.0.0.1", 5350, frame: 10);
        var sink = new EventList();
        _analyzer.OnDatagram(packet, Convert.FromHexString(PcpParsingData.AnnounceResponseIphone), sink);

        var message = Assert.IsType<PcpMessage>(Assert.Single(sink.Events));
        Assert.Equal("AnnounceResponse", message.Message);
        Assert.Equal(packet, message.Packet);
        Assert.Empty(sink.Anomalies);
    }

    [Theory]
    [InlineData("0100", "natpmp.unsupported_version")]
    [InlineData("0101000000001c20", "natpmp.unsupported_version")]
    [InlineData("0301", "pcp.bad_version")]
    [InlineData("ff00", "pcp.bad_version")]
    [InlineData("00", "natpmp.truncated")]
    [InlineData("", "natpmp.truncated")]
    public void OtherVersionsAndShortDatagramsBecomeAnAnomalyWithoutEvent(string hex, string anomalyId)
    {
        var packet = ToServer(frame: 7);
        var sink = new EventList();
        _analyzer.OnDatagram(packet, Convert.FromHexString(hex), sink);

        Assert.Empty(sink.Events);
        var anomaly = Assert.Single(sink.Anomalies);
        Assert.Equal(anomalyId, anomaly.Id);
        Assert.Equal(packet, anomaly.Packet);
    }

    [Fact]
    public void AToleratedMessageGivesBothItsEventAndItsAnomaly()
    {
        var sink = new EventList();
        _analyzer.OnDatagram(ToServer(), Convert.FromHexString("0003"), sink);

        Assert.Equal("Opcode3Request", Assert.Single(sink.Events).Message);
        Assert.Equal("natpmp.unknown_opcode", Assert.Single(sink.Anomalies).Id);
    }

    [Theory]
    [MemberData(nameof(NatPmpParsingData.MalformedMessages), MemberType = typeof(NatPmpParsingData))]
    public void MalformedNatPmpGivesOneAnomalyAndNoEvent(string hex, string anomalyId)
    {
        var sink = new EventList();
        _analyzer.OnDatagram(ToServer(), Convert.FromHexString(hex), sink);

        Assert.Empty(sink.Events);
        // Versions other than 0 are the analyzer's to classify, by their own rule.
        if (hex.Length < 2 || hex[..2] is "00") Assert.Equal(anomalyId, Assert.Single(sink.Anomalies).Id);
        else Assert.Single(sink.Anomalies);
    }

    [Theory]
    [MemberData(nameof(PcpParsingData.MalformedMessages), MemberType = typeof(PcpParsingData))]
    public void MalformedPcpGivesOneAnomalyAndNoEvent(string hex, string anomalyId)
    {
        var sink = new EventList();
        _analyzer.OnDatagram(ToServer(), Convert.FromHexString(hex), sink);

        Assert.Empty(sink.Events);
        // An empty datagram has no version byte; the analyzer reports it as a short NAT-PMP one.
        Assert.Equal(hex.Length == 0 ? "natpmp.truncated" : anomalyId, Assert.Single(sink.Anomalies).Id);
    }

    [Theory]
    [MemberData(nameof(NatPmpConformanceData.ExpectedCounts), MemberType = typeof(NatPmpConformanceData))]
    public void ConformanceCapturesCountAsWiresharkDoes(
        string capture, int natPmpRequests, int natPmpResponses, int pcpRequests, int pcpResponses)
    {
        var sink = new EventList();
        foreach (var datagram in NatPmpConformanceData.Datagrams.Where(d => d.Capture == capture))
        {
            var packet = Udp(datagram.Src, datagram.SrcPort, datagram.Dst, datagram.DstPort, datagram.Frame);
            byte[] payload = Convert.FromHexString(datagram.PayloadHex);
            Assert.True(_analyzer.Wants(packet, payload));
            _analyzer.OnDatagram(packet, payload, sink);
        }

        Assert.Empty(sink.Anomalies);
        Assert.Equal(natPmpRequests, sink.Events.OfType<NatPmpMessage>().Count(m => !m.IsResponse));
        Assert.Equal(natPmpResponses, sink.Events.OfType<NatPmpMessage>().Count(m => m.IsResponse));
        Assert.Equal(pcpRequests, sink.Events.OfType<PcpMessage>().Count(m => !m.IsResponse));
        Assert.Equal(pcpResponses, sink.Events.OfType<PcpMessage>().Count(m => m.IsResponse));
        Assert.All(sink.Events, e => Assert.EndsWith(e is NatPmpMessage { IsResponse: true } or PcpMessage { IsResponse: true }
            ? "Response" : "Request", e.Message));
    }

    [Fact]
    public void RandomBytesNeverThrowAndAlwaysLeaveATrace()
    {
        var random = new Random(6886);
        byte[] buffer = new byte[1200];
        for (int i = 0; i < 20_000; i++)
        {
            int length = random.Next(buffer.Length);
            random.NextBytes(buffer.AsSpan(0, length));
            // Mostly real versions and known opcodes, so that the deep paths are reached.
            if (length > 0) buffer[0] = (byte)(random.Next(4) switch { 0 => 0, 1 => 1, _ => 2 });
            if (length > 1 && random.Next(2) == 0) buffer[1] = (byte)random.Next(3);
            var sink = new EventList();

            _analyzer.OnDatagram(ToServer(), buffer.AsSpan(0, length), sink);

            Assert.InRange(sink.Events.Count, 0, 1);
            Assert.InRange(sink.Anomalies.Count, sink.Events.Count == 0 ? 1 : 0, 1);
        }
    }
}
