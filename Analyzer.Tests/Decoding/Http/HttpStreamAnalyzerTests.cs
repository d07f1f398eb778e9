using Analyzer.Decoding;
using Analyzer.Decoding.Gena;
using Analyzer.Decoding.Http;
using Analyzer.Decoding.Soap;
using Analyzer.Events;
using Analyzer.Tests.Reassembly;
using Analyzer.Tests.Support;

namespace Analyzer.Tests.Decoding.Http;

public class HttpStreamAnalyzerTests
{
    [Fact]
    public void AStreamThatIsNotHttpIsIgnoredAndItsSegmentsAllocateNothing()
    {
        var analyzer = new HttpOverTcp();
        var sink = new EventList();
        var c = new TcpTestConnection(serverPort: 443);
        analyzer.OnSegment(c.Syn(), default, sink);
        analyzer.OnSegment(c.SynAck(), default, sink);
        var hello = new byte[517];
        hello[0] = 0x16;
        hello[1] = 0x03;
        analyzer.OnSegment(c.FromClient(c.ClientData), hello, sink);
        Assert.Equal(1, analyzer.Counters.IgnoredStreams);
        Assert.Equal(0, analyzer.Counters.HttpStreams);

        var payload = new byte[1448];
        var packets = Enumerable.Range(0, 500)
            .Select(i => i % 3 == 0 ? c.FromClient(c.ClientData + 517) : c.FromServer((uint)(c.ServerData + 1448 * i)))
            .ToArray();
        analyzer.OnSegment(packets[0], payload, sink);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 1; i < packets.Length; i++) analyzer.OnSegment(packets[i], payload, sink);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(0, analyzer.HeldBytes);
        Assert.Empty(sink.Events);
        Assert.Empty(sink.Anomalies);
    }

    [Fact]
    public void HttpIsRecognizedOnAnyPort()
    {
        var c = new HttpConversation(connection: new TcpTestConnection(serverPort: 37215));
        c.Client(CapturedMessages.AddPortMappingRequest).Server(CapturedMessages.AddPortMappingResponse).Close();
        Assert.Equal(["AddPortMapping", "AddPortMappingResponse"], c.Sink.Events.Select(e => e.Message));
    }

    [Fact]
    public void AConnectionPickedUpInTheMiddleResynchronizesAtTheNextRequest()
    {
        var c = new HttpConversation(handshake: false);
        c.Client("ewUser=x&body=continues\r\n" + CapturedMessages.SubscribeRequest);
        c.Server("tail of a response body\r\n" + CapturedMessages.SubscribeResponse);
        c.Close();

        Assert.Equal(["SUBSCRIBE", "RESPONSE"], c.Sink.Events.Select(e => e.Message));
        Assert.Empty(c.Sink.Anomalies);
    }

    private static byte[] Binary(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        bytes[0] = 0x17;
        return bytes;
    }

    [Fact]
    public void AConnectionPickedUpInBinaryBytesBothWaysIsIgnoredAtOnce()
    {
        var c = new HttpConversation(handshake: false);
        c.Send(fromClient: true, Binary(300, 1));
        Assert.Equal(0, c.Analyzer.Counters.IgnoredStreams);
        c.Send(fromClient: false, Binary(1400, 2));
        Assert.Equal(1, c.Analyzer.Counters.IgnoredStreams);

        long ignoredBefore = c.Analyzer.ReassemblyCounters.SegmentsIgnored;
        c.Send(fromClient: true, HttpConversation.Bytes("\r\n" + CapturedMessages.SubscribeRequest));
        c.Close();

        Assert.True(c.Analyzer.ReassemblyCounters.SegmentsIgnored > ignoredBefore);
        Assert.Empty(c.Sink.Events);
        Assert.Empty(c.Sink.Anomalies);
        Assert.Equal(0, c.Analyzer.HeldBytes);
    }

    [Fact]
    public void AResponderPickedUpInABinaryBodyResumesWhenTheClientSendsTheNextRequest()
    {
        var c = new HttpConversation(handshake: false);
        // The tail of an icon download, then the next request and its response on the same connection.
        c.Send(fromClient: false, Binary(2000, 3));
        c.Client(CapturedMessages.SubscribeRequest);
        c.Server(CapturedMessages.SubscribeResponse);
        c.Close();

        Assert.Equal(["SUBSCRIBE", "RESPONSE"], c.Sink.Events.Select(e => e.Message));
        Assert.Equal(0, c.Analyzer.Counters.IgnoredStreams);
    }

    [Fact]
    public void ABinaryBodyAnsweringARequestAlreadyFramedIsReadThrough()
    {
        var c = new HttpConversation(handshake: false);
        c.Client(CapturedMessages.SubscribeRequest);
        var body = Binary(1500, 4);
        body[700] = (byte)'\n';
        // The resynchronization looks at line starts only.
        body[^1] = (byte)'\n';
        c.Send(fromClient: false, body.Concat(HttpConversation.Bytes(CapturedMessages.SubscribeResponse)).ToArray());
        c.Close();

        Assert.Equal(["SUBSCRIBE", "RESPONSE"], c.Sink.Events.Select(e => e.Message));
    }

    [Fact]
    public void ALostSegmentInsideABodyKeepsTheNextMessage()
    {
        var c = new HttpConversation();
        var first = HttpConversation.Bytes(CapturedMessages.AddPortMappingRequest);
        var second = HttpConversation.Bytes(CapturedMessages.SubscribeRequest);
        var both = first.Concat(second).ToArray();
        // Piece 1 (inside the SOAP body) never arrives; the server acknowledges past it.
        c.SendPieces(fromClient: true, both, [400, 800], [0, 2]);
        c.Analyzer.OnSegment(c.Connection.FromServer(c.Connection.ServerData, TcpFlags.Ack, ack: (uint)(c.Connection.ClientData + both.Length)), default, c.Sink);
        c.Close();

        var soap = Assert.IsType<SoapRequest>(c.Sink.Events[0]);
        Assert.True(soap.Incomplete);
        Assert.Equal("AddPortMapping", soap.Action);
        Assert.IsType<GenaMessage>(c.Sink.Events[1]);
        Assert.Contains(c.Sink.Anomalies, a => a.Id == "tcp.gap");
    }

    [Fact]
    public void AnUpgradedConnectionStopsBeingRead()
    {
        var c = new HttpConversation();
        c.Client("GET /chat HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n");
        c.Server("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n");
        c.Client("\u0081\u0085" + CapturedMessages.SubscribeRequest);
        c.Close();

        Assert.Empty(c.Sink.Events);
        Assert.Equal(1, c.Analyzer.Counters.IgnoredStreams);
    }

    [Fact]
    public void MessagesBeingCollectedCountTowardsTheGlobalCapAndTheOldestConnectionIsEvicted()
    {
        var limits = new HttpStreamLimits { Reassembly = new Analyzer.Reassembly.TcpReassemblyLimits { MaxTotalBytes = 200_000 } };
        var analyzer = new HttpOverTcp(limits);
        var sink = new EventList();
        var body = new string('x', 60_000);
        // Each connection sends a head and most of a body, then stalls: its message is being collected.
        for (ushort port = 40000; port < 40006; port++)
        {
            var c = new HttpConversation(analyzer, sink, new TcpTestConnection(clientPort: port));
            c.Client($"POST /ctl HTTP/1.1\r\nSOAPAction: \"{Soap.SoapParsingData.WanIp1}#AddPortMapping\"\r\nContent-Length: 100000\r\n\r\n{body}");
            Assert.True(analyzer.HeldBytes <= 200_000 + 100_000, $"held {analyzer.HeldBytes}");
        }

        Assert.True(analyzer.ReassemblyCounters.StreamsEvictedForMemory >= 3);
        Assert.Contains(sink.Anomalies, a => a.Id == "tcp.global_cap");
        // An evicted connection's message is delivered as it is: cut short.
        Assert.All(sink.Events.OfType<SoapRequest>(), e => Assert.True(e.Incomplete));
    }

    [Fact]
    public void AnIpv6ConnectionIsReassembledAndADescriptionWithoutHostIsLocatedByTheServerAddress()
    {
        var c = new HttpConversation(connection: new TcpTestConnection(serverPort: 49152, client: "fd00::20", server: "fd00::1"));
        c.Client("GET /description.xml HTTP/1.0\r\n\r\n", segmentSize: 5);
        c.Server(Description.DescriptionParsingData.Ok(Description.DescriptionParsingData.IgdDescription), segmentSize: 100);
        c.Close();

        var row = Assert.Single(c.Sink.Events);
        Assert.Equal("http://[fd00::1]:49152/description.xml", HttpConversation.FieldsOf(row)["location"]);
        Assert.True(row.Packet.Src.IsV6);
    }
}
