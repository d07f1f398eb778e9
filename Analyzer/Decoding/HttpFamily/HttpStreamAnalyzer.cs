using Analyzer.Decoding.Http;
using Analyzer.Events;
using Analyzer.Reassembly;

namespace Analyzer.Decoding.HttpFamily;

/// <summary>
/// The TCP analyzer of the pipeline: reassembles every connection (<see cref="TcpReassembler"/>), recognizes HTTP/1.x
/// by its first bytes on any port, frames its messages and hands UPnP SOAP control, GENA, DIAL, Cast and device
/// descriptions to their decoders; other POSTs to UPnP stacks' servers are reported as <see cref="UpnpServerPost"/>. A connection whose first bytes are not HTTP is ignored at once: its later segments
/// cost a table lookup and allocate nothing.
/// </summary>
public sealed class HttpStreamAnalyzer : ISegmentAnalyzer, ITcpStreamConsumer
{
    private readonly TcpReassembler _reassembler;
    // One head parser for every connection: heads are parsed to completion within one call.
    private readonly HttpHead _head = new();
    private readonly HttpMessageDispatcher _dispatcher = new();

    public HttpStreamAnalyzer() : this(new HttpStreamLimits())
    {
    }

    public HttpStreamAnalyzer(HttpStreamLimits limits)
    {
        Limits = limits;
        _reassembler = new TcpReassembler(this, limits.Reassembly);
    }

    public HttpStreamLimits Limits { get; }
    public HttpStreamCounters Counters { get; } = new();
    public TcpReassemblyCounters ReassemblyCounters => _reassembler.Counters;
    /// <summary>Connections tracked, including ignored and lingering closed ones.</summary>
    public int StreamCount => _reassembler.StreamCount;
    public long HeldBytes => _reassembler.HeldBytes;

    public void OnSegment(in PacketInfo packet, ReadOnlySpan<byte> payload, IEventSink sink) =>
        _reassembler.OnSegment(packet, payload, sink);

    public void Expire(long nowUs, IEventSink sink) => _reassembler.Expire(nowUs, sink);

    public void Finish(long nowUs, IEventSink sink) => _reassembler.Finish(nowUs, sink);

    int ITcpStreamConsumer.OnData(TcpStream stream, StreamDirection direction, ReadOnlySpan<byte> data, in PacketInfo packet, IEventSink sink)
    {
        if (stream.AppState is not HttpConnection connection)
        {
            // Before allocating anything: a connection seen from its handshake must open with a message start.
            if (!stream.Half(direction).MidStream && HttpStartProbe.Probe(data) == HttpStartProbe.Result.No)
            {
                Counters.IgnoredStreams++;
                stream.Ignore();
                return data.Length;
            }
            Counters.HttpStreams++;
            connection = new HttpConnection(stream, _head, Limits, Counters, _dispatcher);
            stream.AppState = connection;
        }
        return connection.Read(direction, data, packet, sink);
    }

    void ITcpStreamConsumer.OnGap(TcpStream stream, StreamDirection direction, long missingBytes, in PacketInfo packet, IEventSink sink) =>
        (stream.AppState as HttpConnection)?.OnGap(direction, missingBytes, packet, sink);

    void ITcpStreamConsumer.OnEnd(TcpStream stream, StreamDirection direction, in PacketInfo packet, IEventSink sink) =>
        (stream.AppState as HttpConnection)?.OnEnd(direction, packet, sink);

    void ITcpStreamConsumer.OnClosed(TcpStream stream) => stream.AppState = null;
}
