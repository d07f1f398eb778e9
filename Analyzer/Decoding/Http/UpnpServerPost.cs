using Analyzer.Events;

namespace Analyzer.Decoding.Http;

/// <summary>
/// A POST to a UPnP stack's HTTP server that is not control (no SOAPAction and no UPnP SOAP body), DIAL or Cast: libupnp
/// before 1.6.21 wrote such bodies into its web root (CVE-2016-6255). Reported when the request completes if the server
/// was already known to be UPnP, otherwise when its response says so; then <see cref="AnalyzerEvent.Packet"/> is the
/// response's, turned to read client → server. Fields: method, target, host, content_type, user_agent, body_len,
/// status and server (from the response, when seen by then), incomplete.
/// </summary>
public sealed record UpnpServerPost(PacketInfo Packet) : AnalyzerEvent(Packet)
{
    public override string Protocol => ProtocolNames.Http;
    public override string Message => Method;

    public required string Method { get; init; }
    /// <summary>Request target as sent, capped.</summary>
    public required string Target { get; init; }
    /// <summary>Request path (without query), capped.</summary>
    public required string Path { get; init; }
    public string? Host { get; init; }
    public string? ContentType { get; init; }
    public string? UserAgent { get; init; }
    /// <summary>Body bytes sent (counted, not kept).</summary>
    public long BodyLength { get; init; }
    /// <summary>The response's status, when the event waited for it; 0 otherwise.</summary>
    public int Status { get; init; }
    /// <summary>The response's Server header, when the event waited for it.</summary>
    public string? Server { get; init; }
    public bool Incomplete { get; init; }

    public override IEnumerable<KeyValuePair<string, string>> Fields()
    {
        var f = new List<KeyValuePair<string, string>>(10);
        if (Method != "POST") FieldText.AddCapped(f, "method", Method);
        FieldText.AddCapped(f, "target", Target);
        FieldText.AddCapped(f, "host", Host);
        FieldText.AddCapped(f, "content_type", ContentType);
        FieldText.AddCapped(f, "user_agent", UserAgent);
        f.Add(new("body_len", FieldText.Number(BodyLength)));
        if (Status != 0) f.Add(new("status", FieldText.Number(Status)));
        FieldText.AddCapped(f, "server", Server);
        FieldText.AddFlag(f, "incomplete", Incomplete);
        return f;
    }
}
