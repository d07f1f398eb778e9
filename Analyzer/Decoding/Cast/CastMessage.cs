using Analyzer.Decoding.Http;
using Analyzer.Events;

namespace Analyzer.Decoding.Cast;

/// <summary>
/// A request to the Cast device local API (/setup/…, port 8008) or its response. <see cref="Message"/> is the
/// endpoint (eureka_info, reboot, set_eureka_info, scan_wifi, forget_wifi, bluetooth/…) for requests and RESPONSE
/// for responses. Fields: method, endpoint, path, query, host, origin, user_agent, auth_token (the
/// cast-local-authorization-token header was sent), content_type, body (capped, body_len), params, and the JSON
/// body's scalar values as json_&lt;key path&gt;; for responses status and request.
/// </summary>
public sealed record CastMessage(PacketInfo Packet) : AnalyzerEvent(Packet)
{
    public const int MaxEndpointChars = 128;

    public override string Protocol => ProtocolNames.Cast;
    public override string Message => Status is null ? Endpoint : "RESPONSE";

    public required string Endpoint { get; init; }
    public string? Method { get; init; }
    public string? Path { get; init; }
    public string? Query { get; init; }
    public string? Host { get; init; }
    public string? Origin { get; init; }
    public string? UserAgent { get; init; }
    public bool AuthToken { get; init; }
    public string? ContentType { get; init; }
    public string? Body { get; init; }
    public long BodyLength { get; init; }
    /// <summary>The "params" member of a JSON body, e.g. "now" or "fdr" (factory reset) for /setup/reboot.</summary>
    public string? Params { get; init; }
    public IReadOnlyList<KeyValuePair<string, string>> Json { get; init; } = [];
    public string? JsonError { get; init; }
    public int? Status { get; init; }
    public CastMessage? RequestEvent { get; init; }

    public override IEnumerable<KeyValuePair<string, string>> Fields()
    {
        var f = new List<KeyValuePair<string, string>>(16 + Json.Count);
        if (Status is { } status)
        {
            f.Add(new("status", FieldText.Number(status)));
            f.Add(new("endpoint", Endpoint));
            if (RequestEvent is not null) f.Add(new("request_frame", FieldText.Number(RequestEvent.Packet.FrameNumber)));
        }
        else
        {
            FieldText.AddCapped(f, "method", Method);
            f.Add(new("endpoint", Endpoint));
        }
        FieldText.AddCapped(f, "path", Path);
        FieldText.AddCapped(f, "query", Query);
        FieldText.AddCapped(f, "host", Host);
        FieldText.AddCapped(f, "origin", Origin);
        FieldText.AddCapped(f, "user_agent", UserAgent);
        FieldText.AddFlag(f, "auth_token", AuthToken);
        FieldText.AddCapped(f, "content_type", ContentType);
        FieldText.AddCapped(f, "params", Params);
        f.AddRange(Json);
        FieldText.AddCapped(f, "json_error", JsonError);
        FieldText.AddCapped(f, "body", Body);
        if (BodyLength > 0 || Body is not null) f.Add(new("body_len", FieldText.Number(BodyLength)));
        return f;
    }
}
