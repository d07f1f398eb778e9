using Analyzer.Decoding;
using Analyzer.Decoding.Http;
using Analyzer.Decoding.Link;
using Analyzer.Decoding.NatPmp;
using Analyzer.Decoding.Ssdp;
using Analyzer.Events;
using Analyzer.Reassembly;
using BenchmarkDotNet.Attributes;

namespace Analyzer.Benchmarks;

/// <summary>ns per message and bytes allocated, for each parser on a typical message.</summary>
[MemoryDiagnoser]
public class ParserBenchmarks
{
    private readonly HttpHead _head = new();
    private readonly PacketInfo _packet = new() { Transport = Transport.Udp, SrcPort = 1900, DstPort = 1900 };
    // The framing state machine alone: the owner keeps no message, so the reader frames and skips each one.
    private readonly HttpMessageReader _requests = new(new FramingOnly(), StreamDirection.FromOriginator, new HttpHead(), new HttpStreamLimits(), midStream: false);
    private readonly HttpMessageReader _responses = new(new FramingOnly(), StreamDirection.FromResponder, new HttpHead(), new HttpStreamLimits(), midStream: false);
    private readonly EventList _events = new();

    [Benchmark]
    public FrameResult FrameDecoderBackgroundTcp() =>
        FrameDecoder.Decode(LinkType.Ethernet, BenchmarkFrames.BackgroundTcp, out _, out _);

    [Benchmark]
    public ParseStatus HttpHeadSsdpNotify() => _head.Parse(BenchmarkFrames.SsdpNotify);

    [Benchmark]
    public int HttpMessageReaderSoapRequest() => _requests.Read(BenchmarkFrames.SoapAddPortMapping, _packet, _events);

    [Benchmark]
    public int HttpMessageReaderChunkedResponse() => _responses.Read(BenchmarkFrames.ChunkedResponse, _packet, _events);

    [Benchmark]
    public ParseStatus SsdpNotify() => SsdpParser.Parse(_packet, BenchmarkFrames.SsdpNotify, _head, out _, out _);

    [Benchmark]
    public ParseStatus NatPmpMapTcp() => NatPmpParser.TryParse(BenchmarkFrames.NatPmpMapTcp, _packet, out _, out _);

    [Benchmark]
    public ParseStatus PcpMapWithThirdParty() => PcpParser.TryParse(BenchmarkFrames.PcpMapWithThirdParty, _packet, out _, out _);

    private sealed class FramingOnly : IHttpMessageOwner
    {
        public HttpMessage? OnHead(StreamDirection direction, ReadOnlySpan<byte> head, HttpHead parsed, out bool noBody, out bool upgrade)
        {
            noBody = upgrade = false;
            return null;
        }

        public void OnMessage(StreamDirection direction, HttpMessage message, in PacketInfo packet, IEventSink sink) { }

        public void OnNotHttp() => throw new InvalidOperationException("the benchmark's messages are HTTP");

        public bool SetAside(StreamDirection direction) => throw new InvalidOperationException("the benchmark reads from a message start");
    }
}
