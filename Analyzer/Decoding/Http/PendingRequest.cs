using Analyzer.Events;

namespace Analyzer.Decoding.Http;

/// <summary>
/// A request waiting for its response, so that responses (in order, as HTTP/1.1 pipelining requires) are paired
/// with what they answer. Requests no decoder reads share two immutable instances, so they cost no allocation.
/// </summary>
internal sealed class PendingRequest
{
    public static readonly PendingRequest Other = new(HttpMessageKind.Other, isHead: false, request: null);
    public static readonly PendingRequest OtherHead = new(HttpMessageKind.Other, isHead: true, request: null);
    public static readonly PendingRequest OtherConnect = new(HttpMessageKind.Other, isHead: false, request: null) { IsConnect = true };

    public PendingRequest(HttpMessageKind kind, bool isHead, HttpMessage? request)
    {
        Kind = kind;
        IsHead = isHead;
        Request = request;
    }

    /// <summary>A CONNECT request: after a 2xx answer the connection is a tunnel, not HTTP.</summary>
    public bool IsConnect { get; private init; }

    /// <summary>Can change once the request is decoded (a SOAP POST that is not UPnP becomes Other).</summary>
    public HttpMessageKind Kind { get; set; }
    /// <summary>A HEAD request: its response has no body whatever its headers say.</summary>
    public bool IsHead { get; }
    public HttpMessage? Request { get; }
    /// <summary>Frame that completed the request (0 until it is complete).</summary>
    public long RequestFrame { get; set; }

    /// <summary>The event decoded from the request, for the response to refer to.</summary>
    public AnalyzerEvent? Event { get; set; }
}
