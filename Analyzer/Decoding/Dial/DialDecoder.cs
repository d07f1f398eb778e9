using Analyzer.Decoding.Http;

namespace Analyzer.Decoding.Dial;

/// <summary>Turns DIAL application requests, device description fetches and their responses into <see cref="DialMessage"/>s.</summary>
internal static class DialDecoder
{
    public static DialMessage DecodeRequest(HttpMessage message, in PacketInfo packet)
    {
        string path = message.Path;
        string? query = message.Query;
        if (message.Kind == HttpMessageKind.DialDeviceDescription)
            return Request(message, packet, "DEVICE_DESC", path, query, app: null, instance: null);

        string prefix = message.DialPrefix is { } learned && path.StartsWith(learned, StringComparison.Ordinal)
            ? learned
            : DialApplicationUrls.DefaultPrefix;
        var rest = path.Length > prefix.Length && path.StartsWith(prefix, StringComparison.Ordinal) ? path[prefix.Length..] : "";
        var segments = rest.Split('/', 3, StringSplitOptions.RemoveEmptyEntries);
        string? app = segments.Length > 0 ? segments[0] : null;
        string? instance = segments.Length > 1 ? segments[1] : null;
        string? action = segments.Length > 2 ? segments[2] : null;
        string kind = message.Method switch
        {
            "POST" when instance is null => "LAUNCH",
            "POST" when instance == "dial_data" || action == "dial_data" => "DIAL_DATA",
            "POST" when action == "hide" => "HIDE",
            "DELETE" => "STOP",
            "GET" => "STATUS",
            _ => message.Method,
        };
        return Request(message, packet, kind, path, query, app, instance);
    }

    public static DialMessage DecodeResponse(HttpMessage message, PendingRequest? pending, in PacketInfo packet)
    {
        var request = pending?.Event as DialMessage;
        DialAppStatus? status = null;
        XmlEvidence evidence = default;
        if (message.BodyStored > 0 && LooksLikeXml(message.Body))
            status = DialAppStatusParser.Parse(message.Body, out evidence);
        return new DialMessage(packet)
        {
            Kind = "RESPONSE",
            Status = message.StatusCode,
            Request = request?.Kind ?? (pending?.Kind == HttpMessageKind.DialDeviceDescription ? "DEVICE_DESC" : null),
            RequestEvent = request,
            App = request?.App,
            Instance = request?.Instance,
            Path = request?.Path ?? pending?.Path,
            Server = message.Header("Server"u8),
            Location = message.Header("Location"u8),
            ApplicationUrl = message.Header("Application-URL"u8),
            ContentType = message.Header("Content-Type"u8),
            // The description itself is reported by the description decoder; other bodies are small and telling.
            Body = status is null && message.Header("Application-URL"u8) is null ? message.BodyText() : null,
            BodyLength = message.BodyLength,
            AppStatus = status,
            Evidence = evidence,
        };
    }

    /// <summary>A device description response with an Application-URL header is the DIAL server's (DIAL 2.1 §5.4).</summary>
    public static DialMessage DecodeDeviceDescriptionResponse(HttpMessage message, PendingRequest? pending, in PacketInfo packet) => new(packet)
    {
        Kind = "RESPONSE",
        Status = message.StatusCode,
        Request = "DEVICE_DESC",
        RequestEvent = pending?.Event as DialMessage,
        Path = pending?.Path,
        Server = message.Header("Server"u8),
        ApplicationUrl = message.Header("Application-URL"u8),
        ContentType = message.Header("Content-Type"u8),
        BodyLength = message.BodyLength,
    };

    private static DialMessage Request(HttpMessage message, in PacketInfo packet, string kind, string path, string? query,
        string? app, string? instance) => new(packet)
    {
        Kind = kind,
        App = app,
        Instance = instance,
        Path = path,
        Query = query,
        Host = message.Header("Host"u8),
        Origin = message.Header("Origin"u8),
        UserAgent = message.Header("User-Agent"u8),
        ContentType = message.Header("Content-Type"u8),
        Body = message.BodyLength > 0 ? message.BodyText() : null,
        BodyLength = message.BodyLength,
    };

    private static bool LooksLikeXml(ReadOnlySpan<byte> body)
    {
        int i = body.IndexOfAnyExcept(" \t\r\n\uFEFF"u8);
        return i >= 0 && body[i] == (byte)'<';
    }
}
