using Analyzer.Events;
using Analyzer.Reassembly;

namespace Analyzer.Decoding.Http;

/// <summary>
/// The HTTP state of one TCP connection: a reader per direction and, per direction, the requests still waiting for
/// their responses (pipelining pairs them in order). Decides at each head whether the message is kept.
/// </summary>
internal sealed class HttpConnection : IHttpMessageOwner
{
    private readonly TcpStream _stream;
    private readonly HttpHead _head;
    private readonly HttpStreamLimits _limits;
    private readonly HttpStreamCounters _counters;
    private readonly IHttpMessageHandler _dispatcher;
    private HttpMessageReader? _fromOriginator;
    private HttpMessageReader? _fromResponder;
    private Queue<PendingRequest>? _sentByOriginator;
    private Queue<PendingRequest>? _sentByResponder;

    public HttpConnection(TcpStream stream, HttpHead head, HttpStreamLimits limits, HttpStreamCounters counters,
        IHttpMessageHandler dispatcher)
    {
        _stream = stream;
        _head = head;
        _limits = limits;
        _counters = counters;
        _dispatcher = dispatcher;
    }

    public int Read(StreamDirection direction, ReadOnlySpan<byte> data, in PacketInfo packet, IEventSink sink)
    {
        int consumed = Reader(direction).Read(data, packet, sink);
        ReportHeld();
        return consumed;
    }

    public void OnGap(StreamDirection direction, long missing, in PacketInfo packet, IEventSink sink)
    {
        Reader(direction).OnGap(missing, packet, sink);
        ReportHeld();
    }

    public void OnEnd(StreamDirection direction, in PacketInfo packet, IEventSink sink)
    {
        Reader(direction).OnEnd(packet, sink);
        ReportHeld();
    }

    /// <summary>Tells the reassembler what this connection keeps alive, so that its global cap counts it.</summary>
    private void ReportHeld()
    {
        if (_stream.Ignored) return;
        long held = (_fromOriginator?.HeldBytes ?? 0) + (_fromResponder?.HeldBytes ?? 0);
        if (_sentByOriginator is not null) foreach (var p in _sentByOriginator) held += p.EstimatedBytes;
        if (_sentByResponder is not null) foreach (var p in _sentByResponder) held += p.EstimatedBytes;
        _stream.ReportAppBytes(held);
    }

    public HttpMessage? OnHead(StreamDirection direction, ReadOnlySpan<byte> head, HttpHead parsed, out bool noBody, out bool upgrade)
    {
        noBody = false;
        upgrade = false;
        // This side speaks HTTP: the other one, if set aside in the middle of a binary body, may answer it.
        ExistingReader(Opposite(direction))?.Resume();
        if (parsed.Kind == HttpStartLine.Request)
        {
            _counters.Requests++;
            // Requests go to the other side of the connection: that server's DIAL prefix applies.
            var (server, port) = direction == StreamDirection.FromOriginator
                ? (_stream.ResponderAddress, _stream.ResponderPort)
                : (_stream.OriginatorAddress, _stream.OriginatorPort);
            string dialPrefix = _dispatcher.DialPrefixFor(server, port);
            var kind = HttpClassifier.ClassifyRequest(head, parsed, dialPrefix);
            var method = head[parsed.Method];
            bool isHead = method.SequenceEqual("HEAD"u8);
            HttpMessage? request = kind == HttpMessageKind.Other ? null
                : new HttpMessage(head, parsed, kind) { CountBodyOnly = kind == HttpMessageKind.Post };
            var pending = request is not null ? new PendingRequest(kind, isHead, request)
                : isHead ? PendingRequest.OtherHead
                : method.SequenceEqual("CONNECT"u8) ? PendingRequest.OtherConnect
                : PendingRequest.Other;
            if (request is not null)
            {
                request.Pending = pending;
                if (kind == HttpMessageKind.Dial) request.DialPrefix = dialPrefix;
            }
            Enqueue(Sent(direction), pending);
            return Kept(request);
        }

        _counters.Responses++;
        int status = parsed.StatusCode;
        // 1xx other than 101 are interim: the final response still answers the same request.
        bool interim = status is >= 100 and < 200 && status != 101;
        var queue = Sent(Opposite(direction));
        PendingRequest? answered = queue.Count == 0 ? null : interim ? queue.Peek() : queue.Dequeue();
        noBody = interim || status is 204 or 304 || answered is { IsHead: true };
        upgrade = status == 101 || (answered is { IsConnect: true } && status is >= 200 and < 300);
        if (interim) return null;
        if (answered is null) _counters.UnpairedResponses++;
        if (UpnpHttpServers.SaysUpnp(head, parsed))
        {
            var (server, port) = direction == StreamDirection.FromResponder
                ? (_stream.ResponderAddress, _stream.ResponderPort)
                : (_stream.OriginatorAddress, _stream.OriginatorPort);
            _dispatcher.UpnpServers.Learn(server, port);
        }
        var responseKind = answered?.Kind ?? HttpMessageKind.Unpaired;
        if (!HttpClassifier.WantsResponse(responseKind, head, parsed)) return null;
        return Kept(new HttpMessage(head, parsed, responseKind) { Pending = answered, CountBodyOnly = responseKind == HttpMessageKind.Post });
    }

    public void OnMessage(StreamDirection direction, HttpMessage message, in PacketInfo packet, IEventSink sink) =>
        _dispatcher.Dispatch(message, packet, sink);

    public void OnNotHttp()
    {
        if (!_stream.Ignored) _counters.IgnoredStreams++;
        _stream.Ignore();
    }

    /// <summary>
    /// A direction picked up in binary bytes waits while the other one says nothing of HTTP; when both are binary the
    /// connection is not HTTP. A direction facing one that already framed a message keeps looking (a binary body).
    /// </summary>
    public bool SetAside(StreamDirection direction)
    {
        var other = ExistingReader(Opposite(direction));
        if (other is { SpeaksHttp: true }) return false;
        if (other is { IsSetAside: true }) OnNotHttp();
        return true;
    }

    private static StreamDirection Opposite(StreamDirection direction) =>
        direction == StreamDirection.FromOriginator ? StreamDirection.FromResponder : StreamDirection.FromOriginator;

    private HttpMessageReader? ExistingReader(StreamDirection direction) =>
        direction == StreamDirection.FromOriginator ? _fromOriginator : _fromResponder;

    private HttpMessage? Kept(HttpMessage? message)
    {
        if (message is not null) _counters.KeptMessages++;
        return message;
    }

    private void Enqueue(Queue<PendingRequest> queue, PendingRequest pending)
    {
        if (queue.Count >= _limits.MaxPendingRequests)
        {
            queue.Dequeue();
            _counters.PendingRequestsDropped++;
        }
        queue.Enqueue(pending);
    }

    private Queue<PendingRequest> Sent(StreamDirection direction) => direction == StreamDirection.FromOriginator
        ? _sentByOriginator ??= new Queue<PendingRequest>()
        : _sentByResponder ??= new Queue<PendingRequest>();

    private HttpMessageReader Reader(StreamDirection direction) => direction == StreamDirection.FromOriginator
        ? _fromOriginator ??= NewReader(direction)
        : _fromResponder ??= NewReader(direction);

    private HttpMessageReader NewReader(StreamDirection direction) =>
        new(this, direction, _head, _limits, _stream.Half(direction).MidStream);
}
