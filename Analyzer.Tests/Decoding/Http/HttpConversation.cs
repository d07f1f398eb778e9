using System.Text;
using Analyzer.Decoding;
using Analyzer.Decoding.Http;
using Analyzer.Events;
using Analyzer.Tests.Reassembly;
using Analyzer.Tests.Support;

namespace Analyzer.Tests.Decoding.Http;

/// <summary>
/// One TCP connection through a <see cref="HttpStreamAnalyzer"/>: handshake, client and server bytes cut into
/// segments (in order or in any order), FIN, end of input. Events and anomalies land in <see cref="Sink"/>.
/// </summary>
internal sealed class HttpConversation
{
    private uint _clientNext;
    private uint _serverNext;

    public HttpConversation(HttpStreamLimits? limits = null, TcpTestConnection? connection = null, bool handshake = true)
        : this(limits is null ? new HttpOverTcp() : new HttpOverTcp(limits), new EventList(), connection, handshake)
    {
    }

    /// <summary>Another connection through the same analyzer, events going to the same sink.</summary>
    public HttpConversation(HttpOverTcp analyzer, EventList sink, TcpTestConnection? connection = null, bool handshake = true)
    {
        Analyzer = analyzer;
        Sink = sink;
        Connection = connection ?? new TcpTestConnection();
        _clientNext = Connection.ClientData;
        _serverNext = Connection.ServerData;
        if (!handshake) return;
        Analyzer.OnSegment(Connection.Syn(), default, Sink);
        Analyzer.OnSegment(Connection.SynAck(), default, Sink);
        Analyzer.OnSegment(Connection.Ack(), default, Sink);
    }

    public HttpOverTcp Analyzer { get; }
    public TcpTestConnection Connection { get; }
    public EventList Sink { get; }

    public static byte[] Bytes(string text) => Encoding.Latin1.GetBytes(text);

    /// <summary>Client bytes in segments of at most <paramref name="segmentSize"/> bytes, in order.</summary>
    public HttpConversation Client(string text, int segmentSize = 1460) => Send(fromClient: true, Bytes(text), segmentSize);

    public HttpConversation Server(string text, int segmentSize = 1460) => Send(fromClient: false, Bytes(text), segmentSize);

    public HttpConversation Send(bool fromClient, byte[] data, int segmentSize = 1460)
    {
        var cuts = new List<int>();
        for (int at = segmentSize; at < data.Length; at += segmentSize) cuts.Add(at);
        return SendPieces(fromClient, data, cuts, order: null);
    }

    /// <summary>
    /// Sends <paramref name="data"/> cut at <paramref name="cuts"/>, the pieces in <paramref name="order"/>
    /// (indexes of pieces; null for in order).
    /// </summary>
    public HttpConversation SendPieces(bool fromClient, byte[] data, IReadOnlyList<int> cuts, IReadOnlyList<int>? order)
    {
        uint start = fromClient ? _clientNext : _serverNext;
        var bounds = new List<int> { 0 };
        bounds.AddRange(cuts.Where(c => c > 0 && c < data.Length));
        bounds.Add(data.Length);
        int pieces = bounds.Count - 1;
        foreach (int i in order ?? Enumerable.Range(0, pieces))
        {
            uint seq = unchecked(start + (uint)bounds[i]);
            var packet = fromClient ? Connection.FromClient(seq, ack: _serverNext) : Connection.FromServer(seq, ack: _clientNext);
            Analyzer.OnSegment(packet, data.AsSpan(bounds[i], bounds[i + 1] - bounds[i]), Sink);
        }
        if (fromClient) _clientNext = unchecked(start + (uint)data.Length);
        else _serverNext = unchecked(start + (uint)data.Length);
        return this;
    }

    /// <summary>Both FINs, then the end of input.</summary>
    public HttpConversation Close()
    {
        Fin();
        Analyzer.Finish(Connection.TimeUs, Sink);
        return this;
    }

    /// <summary>Both FINs; the analyzer goes on.</summary>
    public HttpConversation Fin()
    {
        Analyzer.OnSegment(Connection.FromClient(_clientNext, TcpFlags.Fin | TcpFlags.Ack, ack: _serverNext), default, Sink);
        Analyzer.OnSegment(Connection.FromServer(_serverNext, TcpFlags.Fin | TcpFlags.Ack, ack: unchecked(_clientNext + 1)), default, Sink);
        return this;
    }

    public static EventList Exchange(string request, string response, HttpStreamLimits? limits = null) =>
        new HttpConversation(limits).Client(request).Server(response).Close().Sink;

    public IEnumerable<T> Events<T>() => Sink.Events.OfType<T>();

    /// <summary>The fields of an event as a dictionary (field names are unique within an event).</summary>
    public static Dictionary<string, string> FieldsOf(AnalyzerEvent e) => e.Fields().ToDictionary(p => p.Key, p => p.Value);
}
