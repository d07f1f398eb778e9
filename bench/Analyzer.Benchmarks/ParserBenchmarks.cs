using Analyzer.Decoding;
using Analyzer.Decoding.Http;
using Analyzer.Decoding.Link;
using Analyzer.Decoding.NatPmp;
using Analyzer.Decoding.Ssdp;
using BenchmarkDotNet.Attributes;

namespace Analyzer.Benchmarks;

/// <summary>ns per message and bytes allocated, for each parser on a typical message.</summary>
[MemoryDiagnoser]
public class ParserBenchmarks
{
    private readonly HttpHead _head = new();
    private readonly PacketInfo _packet = new() { Transport = Transport.Udp, SrcPort = 1900, DstPort = 1900 };

    [Benchmark]
    public FrameResult FrameDecoderBackgroundTcp() =>
        FrameDecoder.Decode(LinkType.Ethernet, BenchmarkFrames.BackgroundTcp, out _, out _);

    [Benchmark]
    public ParseStatus HttpHeadSsdpNotify() => _head.Parse(BenchmarkFrames.SsdpNotify);

    [Benchmark]
    public ParseStatus SsdpNotify() => SsdpParser.Parse(_packet, BenchmarkFrames.SsdpNotify, _head, out _, out _);

    [Benchmark]
    public ParseStatus NatPmpMapTcp() => NatPmpParser.TryParse(BenchmarkFrames.NatPmpMapTcp, _packet, out _, out _);

    [Benchmark]
    public ParseStatus PcpMapWithThirdParty() => PcpParser.TryParse(BenchmarkFrames.PcpMapWithThirdParty, _packet, out _, out _);
}
