using Analyzer.Decoding.Http;
using Analyzer.Events;

namespace Analyzer.Decoding.Soap;

/// <summary>
/// A UPnP control request: POST (or M-POST) to a control URL with an action of a UPnP service type. Fields:
/// service_type, action, control_url, host, soapaction (+ soapaction_len, soapaction_quoted, soapaction_issue; the
/// issue is <c>missing</c> when there was no header and the action came from the body),
/// user_agent, each argument as arg_&lt;Name&gt; (capped; arg_&lt;Name&gt;_len when capped), arg_count,
/// missing_args for IGD actions, XML evidence (doctype, entity, xml_error, …) and body_len.
/// </summary>
public sealed record SoapRequest(PacketInfo Packet) : AnalyzerEvent(Packet)
{
    public override string Protocol => ProtocolNames.Soap;
    public override string Message => Action;

    public required string ServiceType { get; init; }
    public required string Action { get; init; }
    public required string Method { get; init; }
    /// <summary>Request path (without query).</summary>
    public required string ControlUrl { get; init; }
    public string? Host { get; init; }
    public string? UserAgent { get; init; }
    /// <summary>The SOAPAction (or NN-SOAPACTION) header; null when there was none and the action came from the body.</summary>
    public SoapActionHeader? SoapAction { get; init; }
    /// <summary>The body names another action or service than the header (both are reported).</summary>
    public string? BodyAction { get; init; }
    public string? BodyServiceType { get; init; }
    public required IReadOnlyList<SoapArgument> Arguments { get; init; }
    public int ArgumentCount { get; init; }
    /// <summary>Input arguments of a known IGD action absent from the body; null for other services.</summary>
    public IReadOnlyList<string>? MissingArguments { get; init; }
    /// <summary>For IGD services: whether the action is one the service defines.</summary>
    public bool? KnownIgdAction { get; init; }
    public XmlEvidence Evidence { get; init; }
    public long BodyLength { get; init; }
    public bool BodyTruncated { get; init; }
    public bool Incomplete { get; init; }

    public string? Argument(string name)
    {
        foreach (var a in Arguments)
            if (a.Name == name) return a.Value;
        return null;
    }

    public override IEnumerable<KeyValuePair<string, string>> Fields()
    {
        var f = new List<KeyValuePair<string, string>>(24 + Arguments.Count);
        FieldText.AddCapped(f, "service_type", ServiceType);
        FieldText.AddCapped(f, "action", Action);
        if (Method != "POST") FieldText.AddCapped(f, "method", Method);
        FieldText.AddCapped(f, "control_url", ControlUrl);
        FieldText.AddCapped(f, "host", Host);
        if (SoapAction is { } header)
        {
            FieldText.AddWithLength(f, "soapaction", header.Raw);
            FieldText.AddFlag(f, "soapaction_quoted", header.Quoted);
            FieldText.Add(f, "soapaction_issue", header.Issue);
        }
        else f.Add(new("soapaction_issue", SoapActionHeader.MissingIssue));
        FieldText.AddCapped(f, "user_agent", UserAgent);
        FieldText.AddCapped(f, "body_action", BodyAction);
        FieldText.AddCapped(f, "body_service_type", BodyServiceType);
        SoapFields.AddArguments(f, Arguments, ArgumentCount);
        if (MissingArguments is { Count: > 0 } missing) f.Add(new("missing_args", string.Join(',', missing)));
        if (KnownIgdAction == false) f.Add(new("igd_action_unknown", "1"));
        Evidence.AddTo(f);
        f.Add(new("body_len", FieldText.Number(BodyLength)));
        FieldText.AddFlag(f, "body_truncated", BodyTruncated);
        FieldText.AddFlag(f, "incomplete", Incomplete);
        return f;
    }
}
