using Analyzer.Events;

namespace Analyzer.Decoding.Http;

/// <summary>
/// A request waiting for its response, so that responses (in order, as HTTP/1.1 pipelining requires) are paired
/// with what they answer. It keeps a short summary of the request, not its bytes. Requests no decoder reads share
/// three immutable instances, so they cost no allocation.
/// </summary>
internal sealed class PendingRequest
{
    private const int Overhead = 256;

    public static readonly PendingRequest Other = new(HttpMessageKind.Other, isHead: false);
    public static readonly PendingRequest OtherHead = new(HttpMessageKind.Other, isHead: true);
    public static readonly PendingRequest OtherConnect = new(HttpMessageKind.Other, isHead: false) { IsConnect = true };

    private PendingRequest(HttpMessageKind kind, bool isHead)
    {
        Kind = kind;
        IsHead = isHead;
    }

    public PendingRequest(HttpMessageKind kind, bool isHead, HttpMessage request) : this(kind, isHead)
    {
        Method = request.Method;
        Target = FieldText.Cap(request.Target);
        Path = FieldText.Cap(request.Path);
        string? host = request.Header("Host"u8);
        Host = host is null ? null : FieldText.Cap(host);
        EstimatedBytes = Overhead + 2L * (Method.Length + Target.Length + Path.Length + (Host?.Length ?? 0));
    }

    /// <summary>Can change once the request is decoded (a SOAP POST that is not UPnP becomes Other).</summary>
    public HttpMessageKind Kind { get; set; }
    /// <summary>A HEAD request: its response has no body whatever its headers say.</summary>
    public bool IsHead { get; }
    /// <summary>A CONNECT request: after a 2xx answer the connection is a tunnel, not HTTP.</summary>
    public bool IsConnect { get; private init; }
    public string? Method { get; }
    /// <summary>Request target as sent, capped.</summary>
    public string? Target { get; }
    public string? Path { get; }
    public string? Host { get; }
    /// <summary>Frame that completed the request (0 until it is complete).</summary>
    public long RequestFrame { get; set; }
    /// <summary>The event decoded from the request, for the response to refer to.</summary>
    public AnalyzerEvent? Event { get; set; }
    /// <summary>For a POST that may be reported when its response comes: its Content-Type and User-Agent (capped), body length.</summary>
    public string? ContentType { get; set; }
    public string? UserAgent { get; set; }
    public long BodyLength { get; set; }
    public bool Incomplete { get; set; }
    /// <summary>Memory this entry keeps alive, for the global byte cap (an estimate: its text and its event's).</summary>
    public long EstimatedBytes { get; set; }
}
