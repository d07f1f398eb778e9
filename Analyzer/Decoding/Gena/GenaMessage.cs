using Analyzer.Decoding.Http;
using Analyzer.Events;

namespace Analyzer.Decoding.Gena;

/// <summary>
/// A GENA eventing message over TCP (UDA 2.0 §4): SUBSCRIBE, UNSUBSCRIBE, NOTIFY, or the RESPONSE to one of them.
/// Fields: path, host, callback (raw, with callback_len) and each URL as callback_&lt;i&gt; with callback_&lt;i&gt;_host
/// and callback_&lt;i&gt;_port, callback_count, nt, nts, sid (+ sid_len), timeout, seq, statevar, the NOTIFY property
/// set as prop_&lt;Name&gt;, user_agent / server; for responses status, request, request_path, request_frame.
/// </summary>
public sealed record GenaMessage(PacketInfo Packet) : AnalyzerEvent(Packet)
{
    public override string Protocol => ProtocolNames.Gena;
    public override string Message => Kind;

    /// <summary>SUBSCRIBE, UNSUBSCRIBE, NOTIFY or RESPONSE.</summary>
    public required string Kind { get; init; }

    public GenaMessageKind MessageKind => Kind switch
    {
        "SUBSCRIBE" => GenaMessageKind.Subscribe,
        "UNSUBSCRIBE" => GenaMessageKind.Unsubscribe,
        "NOTIFY" => GenaMessageKind.Notify,
        "RESPONSE" => GenaMessageKind.Response,
        _ => GenaMessageKind.Other,
    };
    /// <summary>Event URL path of a request; for a response, the path of its request.</summary>
    public string? Path { get; init; }
    public string? Host { get; init; }
    public string? Callback { get; init; }
    public IReadOnlyList<GenaCallback> Callbacks { get; init; } = [];
    public int CallbackCount { get; init; }
    /// <summary>Index in <see cref="Callback"/> of what follows a callback port instead of '/' or '&gt;' (see <see cref="GenaCallback.JunkAfterPort"/>).</summary>
    public int? CallbackJunkAfterPort { get; init; }
    public string? Nt { get; init; }
    public string? Nts { get; init; }
    public string? Sid { get; init; }
    public string? Timeout { get; init; }
    public string? Seq { get; init; }
    /// <summary>STATEVAR header (UDA 2.0 selective subscription).</summary>
    public string? StateVar { get; init; }
    /// <summary>A UUID header, which some vendor stacks parse (CVE-2021-34991).</summary>
    public string? Uuid { get; init; }
    public string? UserAgent { get; init; }
    public string? Server { get; init; }
    public IReadOnlyList<GenaProperty> Properties { get; init; } = [];
    public int PropertyCount { get; init; }
    public XmlEvidence Evidence { get; init; }
    public int? Status { get; init; }
    /// <summary>For a response: the method of the request it answers.</summary>
    public string? Request { get; init; }
    public GenaMessage? RequestEvent { get; init; }
    public long BodyLength { get; init; }

    public override IEnumerable<KeyValuePair<string, string>> Fields()
    {
        var f = new List<KeyValuePair<string, string>>(24);
        if (Status is { } status) f.Add(new("status", FieldText.Number(status)));
        FieldText.AddCapped(f, "request", Request);
        FieldText.AddCapped(f, Request is null ? "path" : "request_path", Path);
        if (RequestEvent is not null) f.Add(new("request_frame", FieldText.Number(RequestEvent.Packet.FrameNumber)));
        FieldText.AddCapped(f, "host", Host);
        if (Callback is not null)
        {
            FieldText.AddWithLength(f, "callback", Callback);
            f.Add(new("callback_count", FieldText.Number(CallbackCount)));
            for (int i = 0; i < Callbacks.Count; i++)
            {
                string name = "callback_" + FieldText.Number(i + 1);
                f.Add(new(name, FieldText.Cap(Callbacks[i].Url)));
                f.Add(new(name + "_host", FieldText.Cap(Callbacks[i].Host)));
                f.Add(new(name + "_port", FieldText.Number(Callbacks[i].Port)));
            }
        }
        FieldText.AddCapped(f, "nt", Nt);
        FieldText.AddCapped(f, "nts", Nts);
        if (Sid is not null) FieldText.AddWithLength(f, "sid", Sid);
        FieldText.AddCapped(f, "timeout", Timeout);
        FieldText.AddCapped(f, "seq", Seq);
        FieldText.AddCapped(f, "statevar", StateVar);
        if (Uuid is not null) FieldText.AddWithLength(f, "uuid", Uuid);
        FieldText.AddCapped(f, "user_agent", UserAgent);
        FieldText.AddCapped(f, "server", Server);
        if (PropertyCount > 0 || Properties.Count > 0)
        {
            var emitted = new HashSet<string>(StringComparer.Ordinal);
            foreach (var p in Properties)
            {
                string name = "prop_" + p.Name;
                if (!emitted.Add(name)) continue;
                f.Add(new(name, p.Value));
                if (p.Truncated && emitted.Add(name + "_len")) f.Add(new(name + "_len", FieldText.Number(p.Length)));
            }
            f.Add(new("props_total", FieldText.Number(PropertyCount)));
        }
        Evidence.AddTo(f);
        if (BodyLength > 0) f.Add(new("body_len", FieldText.Number(BodyLength)));
        return f;
    }
}
