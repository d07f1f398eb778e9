using Analyzer.Decoding.Http;

namespace Analyzer.Decoding.Gena;

/// <summary>Turns SUBSCRIBE, UNSUBSCRIBE and NOTIFY requests over TCP, and their responses, into <see cref="GenaMessage"/>s.</summary>
internal static class GenaDecoder
{
    public static GenaMessage DecodeRequest(HttpMessage message, in PacketInfo packet)
    {
        string? callback = message.Header("CALLBACK"u8);
        int callbackCount = 0;
        var callbacks = callback is null ? [] : GenaCallback.ParseList(callback, out callbackCount);
        List<GenaProperty> properties = [];
        int propertyCount = 0;
        XmlEvidence evidence = default;
        if (message.Method == "NOTIFY" && message.BodyLength > 0)
            properties = GenaPropertySetParser.Parse(message.Body, out propertyCount, out evidence);

        return new GenaMessage(packet)
        {
            Kind = message.Method,
            Path = message.Path,
            Host = message.Header("HOST"u8),
            Callback = callback,
            Callbacks = callbacks,
            CallbackCount = callbackCount,
            CallbackJunkAfterPort = callback is null ? null : GenaCallback.JunkAfterPort(callback),
            Nt = message.Header("NT"u8),
            Nts = message.Header("NTS"u8),
            Sid = message.Header("SID"u8),
            Timeout = message.Header("TIMEOUT"u8),
            Seq = message.Header("SEQ"u8),
            StateVar = message.Header("STATEVAR"u8),
            Uuid = message.Header("UUID"u8),
            UserAgent = message.Header("USER-AGENT"u8),
            Properties = properties,
            PropertyCount = propertyCount,
            Evidence = evidence,
            BodyLength = message.BodyLength,
        };
    }

    public static GenaMessage DecodeResponse(HttpMessage message, PendingRequest? request, in PacketInfo packet) => new(packet)
    {
        Kind = "RESPONSE",
        Status = message.StatusCode,
        Request = request?.Method,
        Path = request?.Path,
        RequestEvent = request?.Event as GenaMessage,
        Sid = message.Header("SID"u8),
        Timeout = message.Header("TIMEOUT"u8),
        Server = message.Header("SERVER"u8),
        BodyLength = message.BodyLength,
    };
}
