using Analyzer.Decoding.Http;
using Analyzer.Events;

namespace Analyzer.Decoding.Dial;

/// <summary>
/// A DIAL request (DIAL 2.1 §6) or its response. <see cref="Kind"/>: LAUNCH (POST /apps/&lt;app&gt;), STOP (DELETE of
/// an instance), STATUS (GET /apps/&lt;app&gt;), HIDE, DIAL_DATA, DEVICE_DESC (GET of the device description), another
/// method's name, or RESPONSE. Fields: app, instance, path, query, host, origin, user_agent, content_type, body
/// (capped, with body_len); for responses status, request, location, application_url and the application status
/// (app_name, state, allow_stop, dial_ver, run_link).
/// </summary>
public sealed record DialMessage(PacketInfo Packet) : AnalyzerEvent(Packet)
{
    public override string Protocol => ProtocolNames.Dial;
    public override string Message => Kind;

    public required string Kind { get; init; }

    public DialMessageKind MessageKind => Kind switch
    {
        "LAUNCH" => DialMessageKind.Launch,
        "STOP" => DialMessageKind.Stop,
        "STATUS" => DialMessageKind.Status,
        "HIDE" => DialMessageKind.Hide,
        "DIAL_DATA" => DialMessageKind.DialData,
        "DEVICE_DESC" => DialMessageKind.DeviceDescription,
        "RESPONSE" => DialMessageKind.Response,
        _ => DialMessageKind.Other,
    };
    public string? App { get; init; }
    public string? Instance { get; init; }
    public string? Path { get; init; }
    public string? Query { get; init; }
    public string? Host { get; init; }
    public string? Origin { get; init; }
    public string? UserAgent { get; init; }
    public string? Server { get; init; }
    public string? ContentType { get; init; }
    /// <summary>The launch payload or response body as text, capped; <see cref="BodyLength"/> is the real size.</summary>
    public string? Body { get; init; }
    public long BodyLength { get; init; }
    public int? Status { get; init; }
    /// <summary>For a response: the <see cref="Kind"/> of the request it answers.</summary>
    public string? Request { get; init; }
    public DialMessage? RequestEvent { get; init; }
    /// <summary>LOCATION of a 201 Created: the running instance.</summary>
    public string? Location { get; init; }
    /// <summary>Application-URL header of a device description response.</summary>
    public string? ApplicationUrl { get; init; }
    public DialAppStatus? AppStatus { get; init; }
    public XmlEvidence Evidence { get; init; }

    public override IEnumerable<KeyValuePair<string, string>> Fields()
    {
        var f = new List<KeyValuePair<string, string>>(20);
        if (Status is { } status) f.Add(new("status", FieldText.Number(status)));
        FieldText.AddCapped(f, "request", Request);
        if (RequestEvent is not null) f.Add(new("request_frame", FieldText.Number(RequestEvent.Packet.FrameNumber)));
        FieldText.AddCapped(f, "app", App);
        FieldText.AddCapped(f, "instance", Instance);
        FieldText.AddCapped(f, "path", Path);
        FieldText.AddCapped(f, "query", Query);
        FieldText.AddCapped(f, "host", Host);
        FieldText.AddCapped(f, "origin", Origin);
        FieldText.AddCapped(f, "user_agent", UserAgent);
        FieldText.AddCapped(f, "server", Server);
        FieldText.AddCapped(f, "location", Location);
        FieldText.AddCapped(f, "application_url", ApplicationUrl);
        if (AppStatus is { } s)
        {
            FieldText.AddCapped(f, "app_name", s.Name);
            FieldText.AddCapped(f, "state", s.State);
            FieldText.AddCapped(f, "allow_stop", s.AllowStop);
            FieldText.AddCapped(f, "dial_ver", s.DialVersion);
            FieldText.AddCapped(f, "run_link", s.RunLink);
        }
        FieldText.AddCapped(f, "content_type", ContentType);
        FieldText.AddCapped(f, "body", Body);
        if (BodyLength > 0 || Body is not null) f.Add(new("body_len", FieldText.Number(BodyLength)));
        Evidence.AddTo(f);
        return f;
    }
}
