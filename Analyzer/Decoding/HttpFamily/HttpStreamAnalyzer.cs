using Analyzer.Decoding.Http;
using Analyzer.Events;
using Analyzer.Reassembly;

namespace Analyzer.Decoding.HttpFamily;

/// <summary>
/// The HTTP-family TCP analyzer: recognizes HTTP/1.x by its first bytes on any port, frames its messages and hands
/// UPnP SOAP control, GENA, DIAL, Cast and device descriptions to their decoders; other POSTs to UPnP stacks' servers
/// are reported as <see cref="UpnpServerPost"/>. It claims a connection seen from its handshake only when its first
/// bytes start an HTTP message, and every connection picked up in the middle (a message may start at any later line;
/// the reader gives up after <see cref="HttpStreamLimits.ResyncBudgetBytes"/> without one).
/// </summary>
public sealed class HttpStreamAnalyzer : ITcpStreamAnalyzer
{
    // One head parser for every connection: heads are parsed to completion within one call.
    private readonly HttpHead _head = new();
    private readonly HttpMessageDispatcher _dispatcher = new();

    public HttpStreamAnalyzer() : this(new HttpStreamLimits())
    {
    }

    public HttpStreamAnalyzer(HttpStreamLimits limits) => Limits = limits;

    public HttpStreamLimits Limits { get; }
    public HttpStreamCounters Counters { get; } = new();

    public bool Claims(TcpStream stream, StreamDirection direction, ReadOnlySpan<byte> firstBytes)
    {
        // Before allocating anything: a connection seen from its handshake must open with a message start.
        if (!stream.Half(direction).MidStream && HttpStartProbe.Probe(firstBytes) == HttpStartProbe.Result.No)
        {
            Counters.IgnoredStreams++;
            return false;
        }
        Counters.HttpStreams++;
        stream.AppState = new HttpConnection(stream, _head, Limits, Counters, _dispatcher);
        return true;
    }

    public int OnData(TcpStream stream, StreamDirection direction, ReadOnlySpan<byte> data, in PacketInfo packet, IEventSink sink) =>
        stream.AppState is HttpConnection connection ? connection.Read(direction, data, packet, sink) : data.Length;

    public void OnGap(TcpStream stream, StreamDirection direction, long missingBytes, in PacketInfo packet, IEventSink sink) =>
        (stream.AppState as HttpConnection)?.OnGap(direction, missingBytes, packet, sink);

    public void OnEnd(TcpStream stream, StreamDirection direction, in PacketInfo packet, IEventSink sink) =>
        (stream.AppState as HttpConnection)?.OnEnd(direction, packet, sink);

    public void OnClosed(TcpStream stream) => stream.AppState = null;
}
