using Analyzer.Decoding.Gena;
using Analyzer.Decoding.Soap;
using Analyzer.Events;

namespace Analyzer.Decoding.Http;

/// <summary>Hands each kept message to the decoder of its kind and records the request's event for its response.</summary>
internal static class HttpMessageDispatcher
{
    public static void Dispatch(HttpMessage message, in PacketInfo packet, IEventSink sink)
    {
        if (message.IsRequest) DispatchRequest(message, packet, sink);
        else DispatchResponse(message, packet, sink);
    }

    private static void DispatchRequest(HttpMessage message, in PacketInfo packet, IEventSink sink)
    {
        AnalyzerEvent? decoded = message.Kind switch
        {
            HttpMessageKind.Soap => SoapDecoder.DecodeRequest(message, packet),
            HttpMessageKind.Gena => GenaDecoder.DecodeRequest(message, packet),
            _ => null,
        };
        if (message.Pending is { } pending)
        {
            pending.Event = decoded;
            // A POST with a SOAPAction that is not UPnP (HNAP, web services): its response is not read either.
            if (decoded is null && message.Kind == HttpMessageKind.Soap) pending.Kind = HttpMessageKind.Other;
        }
        if (decoded is not null) sink.OnEvent(decoded);
    }

    private static void DispatchResponse(HttpMessage message, in PacketInfo packet, IEventSink sink)
    {
        var request = message.Pending?.Event;
        switch (message.Kind)
        {
            case HttpMessageKind.Soap:
                Emit(sink, SoapDecoder.DecodeResponse(message, request as SoapRequest, packet));
                break;
            case HttpMessageKind.Gena:
                Emit(sink, GenaDecoder.DecodeResponse(message, message.Pending, packet));
                break;
            case HttpMessageKind.Unpaired:
                Emit(sink, SoapDecoder.DecodeResponse(message, null, packet));
                break;
        }
    }

    private static void Emit(IEventSink sink, AnalyzerEvent? e)
    {
        if (e is not null) sink.OnEvent(e);
    }
}
