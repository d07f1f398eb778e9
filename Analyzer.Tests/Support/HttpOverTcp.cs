using Analyzer.Decoding;
using Analyzer.Decoding.Http;
using Analyzer.Decoding.HttpFamily;
using Analyzer.Events;
using Analyzer.Reassembly;

namespace Analyzer.Tests.Support;

/// <summary>
/// TCP segments through a reassembler whose one TCP analyzer is an <see cref="HttpStreamAnalyzer"/>, as the pipeline
/// runs them, for tests that feed segments and read the HTTP analyzer's and the reassembler's counters.
/// </summary>
internal sealed class HttpOverTcp
{
    public HttpOverTcp() : this(new HttpStreamLimits())
    {
    }

    public HttpOverTcp(HttpStreamLimits limits)
    {
        Http = new HttpStreamAnalyzer(limits);
        Reassembler = new TcpReassembler(new TcpAnalyzerRegistry([Http]), limits.Reassembly);
    }

    public HttpStreamAnalyzer Http { get; }
    public TcpReassembler Reassembler { get; }
    public HttpStreamLimits Limits => Http.Limits;
    public HttpStreamCounters Counters => Http.Counters;
    public TcpReassemblyCounters ReassemblyCounters => Reassembler.Counters;
    public int StreamCount => Reassembler.StreamCount;
    public long HeldBytes => Reassembler.HeldBytes;

    public void OnSegment(in PacketInfo packet, ReadOnlySpan<byte> payload, IEventSink sink) => Reassembler.OnSegment(packet, payload, sink);

    public void Expire(long nowUs, IEventSink sink) => Reassembler.Expire(nowUs, sink);

    public void Finish(long nowUs, IEventSink sink) => Reassembler.Finish(nowUs, sink);
}
