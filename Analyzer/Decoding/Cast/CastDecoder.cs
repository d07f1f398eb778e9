using Analyzer.Decoding.Http;

namespace Analyzer.Decoding.Cast;

/// <summary>Turns requests to the Cast local API (/setup/…) and their responses into <see cref="CastMessage"/>s.</summary>
internal static class CastDecoder
{
    public static CastMessage DecodeRequest(HttpMessage message, in PacketInfo packet)
    {
        string path = message.Path;
        string endpoint = FieldText.Cap(path.StartsWith("/setup/", StringComparison.Ordinal) ? path["/setup/".Length..] : path,
            CastMessage.MaxEndpointChars);
        var (json, parameters, error) = Json(message);
        return new CastMessage(packet)
        {
            Endpoint = endpoint,
            Method = message.Method,
            Path = path,
            Query = message.Query,
            Host = message.Header("Host"u8),
            Origin = message.Header("Origin"u8),
            UserAgent = message.Header("User-Agent"u8),
            AuthToken = message.HasHeader("cast-local-authorization-token"u8),
            ContentType = message.Header("Content-Type"u8),
            Body = message.BodyLength > 0 ? message.BodyText() : null,
            BodyLength = message.BodyLength,
            Params = parameters,
            Json = json,
            JsonError = error,
        };
    }

    public static CastMessage DecodeResponse(HttpMessage message, PendingRequest? pending, in PacketInfo packet)
    {
        var request = pending?.Event as CastMessage;
        var (json, _, error) = Json(message);
        return new CastMessage(packet)
        {
            Endpoint = request?.Endpoint ?? "",
            Status = message.StatusCode,
            RequestEvent = request,
            ContentType = message.Header("Content-Type"u8),
            BodyLength = message.BodyLength,
            Json = json,
            JsonError = error,
        };
    }

    private static (List<KeyValuePair<string, string>> Json, string? Params, string? Error) Json(HttpMessage message)
    {
        var body = message.Body;
        int first = body.IndexOfAnyExcept(" \t\r\n"u8);
        if (first < 0 || body[first] != (byte)'{') return ([], null, null);
        var fields = CastJson.Flatten(body, out var parameters, out var error);
        // A body cut by the cap ends in the middle of the JSON: that is not the sender's error.
        if (message.BodyTruncated) error = null;
        return (fields, parameters, error);
    }
}
