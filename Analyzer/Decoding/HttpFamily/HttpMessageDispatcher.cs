using Analyzer.Decoding.Description;
using Analyzer.Decoding.Cast;
using Analyzer.Decoding.Dial;
using Analyzer.Decoding.Gena;
using Analyzer.Decoding.Http;
using Analyzer.Decoding.Soap;
using Analyzer.Events;

namespace Analyzer.Decoding.HttpFamily;

/// <summary>
/// Hands each kept message to the decoder of its kind, records the request's event for its response, and keeps
/// what one message teaches about later ones (the DIAL application URLs of device descriptions).
/// </summary>
internal sealed class HttpMessageDispatcher : IHttpMessageHandler
{
    public DialApplicationUrls DialUrls { get; } = new();

    /// <summary>Servers whose responses named a UPnP stack: POSTs to them that are not control are reported.</summary>
    public UpnpHttpServers UpnpServers { get; } = new();

    public string DialPrefixFor(NetAddress server, ushort port) => DialUrls.PrefixFor(server, port);

    public void Dispatch(HttpMessage message, in PacketInfo packet, IEventSink sink)
    {
        if (message.IsRequest) DispatchRequest(message, packet, sink);
        else DispatchResponse(message, packet, sink);
    }

    private void DispatchRequest(HttpMessage message, in PacketInfo packet, IEventSink sink)
    {
        AnalyzerEvent? decoded = message.Kind switch
        {
            HttpMessageKind.Soap or HttpMessageKind.SoapCandidate => SoapDecoder.DecodeRequest(message, packet),
            HttpMessageKind.Gena => GenaDecoder.DecodeRequest(message, packet),
            HttpMessageKind.Dial or HttpMessageKind.DialDeviceDescription => DialDecoder.DecodeRequest(message, packet),
            HttpMessageKind.Cast => CastDecoder.DecodeRequest(message, packet),
            _ => null,
        };
        if (message.Pending is { } pending)
        {
            pending.Event = decoded;
            pending.RequestFrame = packet.FrameNumber;
            // The event's text comes from the body and is capped by it.
            if (decoded is not null) pending.EstimatedBytes += 512 + 2L * message.BodyStored;
            // A POST with a SOAPAction that is not UPnP (HNAP, web services): its response is not read either.
            if (decoded is null && message.Kind == HttpMessageKind.Soap) pending.Kind = HttpMessageKind.Other;
            // A POST without SOAPAction is control only when its body says so; then its response is read as such.
            if (message.Kind == HttpMessageKind.SoapCandidate) pending.Kind = decoded is null ? HttpMessageKind.Post : HttpMessageKind.Soap;
        }
        if (decoded is null && message.Kind is HttpMessageKind.Post or HttpMessageKind.SoapCandidate)
            decoded = PlainPost(message, packet);
        if (decoded is not null) sink.OnEvent(decoded);
    }

    /// <summary>
    /// A POST that is not control: reported now when its server is known to be UPnP; otherwise its summary waits in
    /// the pending queue for the response, whose Server header may say so.
    /// </summary>
    private UpnpServerPost? PlainPost(HttpMessage message, in PacketInfo packet)
    {
        string? contentType = message.Header("Content-Type"u8);
        string? userAgent = message.Header("User-Agent"u8);
        bool incomplete = message.Incomplete || message.BodyMissing > 0;
        if (UpnpServers.Contains(packet.Dst, packet.DstPort))
        {
            var post = new UpnpServerPost(packet)
            {
                Method = message.Method, Target = FieldText.Cap(message.Target), Path = FieldText.Cap(message.Path),
                Host = message.Header("Host"u8), ContentType = contentType, UserAgent = userAgent,
                BodyLength = message.BodyLength, Incomplete = incomplete,
            };
            if (message.Pending is { } reported)
            {
                reported.Event = post;
                reported.Kind = HttpMessageKind.Other;
            }
            return post;
        }
        if (message.Pending is { } pending)
        {
            pending.ContentType = contentType is null ? null : FieldText.Cap(contentType);
            pending.UserAgent = userAgent is null ? null : FieldText.Cap(userAgent);
            pending.BodyLength = message.BodyLength;
            pending.Incomplete = incomplete;
            pending.EstimatedBytes += 2L * ((pending.ContentType?.Length ?? 0) + (pending.UserAgent?.Length ?? 0));
        }
        return null;
    }

    private void DispatchResponse(HttpMessage message, in PacketInfo packet, IEventSink sink)
    {
        var pending = message.Pending;
        switch (message.Kind)
        {
            case HttpMessageKind.Soap:
                Emit(sink, SoapDecoder.DecodeResponse(message, pending?.Event as SoapRequest, packet));
                break;
            case HttpMessageKind.Gena:
                Emit(sink, GenaDecoder.DecodeResponse(message, pending, packet));
                break;
            case HttpMessageKind.Dial:
                Emit(sink, DialDecoder.DecodeResponse(message, pending, packet));
                break;
            case HttpMessageKind.Cast:
                Emit(sink, CastDecoder.DecodeResponse(message, pending, packet));
                break;
            case HttpMessageKind.DialDeviceDescription or HttpMessageKind.Fetch:
                DeviceDescriptionResponse(message, pending, packet, sink);
                break;
            case HttpMessageKind.Post when pending is not null:
                // Only responses whose Server names a UPnP stack are kept for a POST (HttpClassifier.WantsResponse).
                sink.OnEvent(new UpnpServerPost(packet.Reversed())
                {
                    Method = pending.Method ?? "POST", Target = pending.Target ?? "", Path = pending.Path ?? "", Host = pending.Host,
                    ContentType = pending.ContentType, UserAgent = pending.UserAgent, BodyLength = pending.BodyLength,
                    Incomplete = pending.Incomplete, Status = message.StatusCode, Server = message.Header("Server"u8),
                });
                break;
            case HttpMessageKind.Unpaired:
                if (!Emit(sink, SoapDecoder.DecodeResponse(message, null, packet)))
                    DeviceDescriptionResponse(message, null, packet, sink);
                break;
        }
    }

    /// <summary>
    /// A description fetch: a DIAL server answers with an Application-URL header (a dial row, and the prefix is
    /// learned), and the XML, when it is a device description, gives the description row.
    /// </summary>
    private void DeviceDescriptionResponse(HttpMessage message, PendingRequest? pending, in PacketInfo packet, IEventSink sink)
    {
        string? applicationUrl = message.Header("Application-URL"u8);
        if (applicationUrl is not null)
        {
            DialUrls.Learn(applicationUrl, packet.Src, packet.SrcPort);
            sink.OnEvent(DialDecoder.DecodeDeviceDescriptionResponse(message, pending, packet));
        }
        else if (message.Kind == HttpMessageKind.DialDeviceDescription)
        {
            sink.OnEvent(DialDecoder.DecodeDeviceDescriptionResponse(message, pending, packet));
        }
        Emit(sink, DescriptionDecoder.Decode(message, pending, packet));
    }

    private static bool Emit(IEventSink sink, AnalyzerEvent? e)
    {
        if (e is null) return false;
        sink.OnEvent(e);
        return true;
    }
}
