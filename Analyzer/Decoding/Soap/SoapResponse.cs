using Analyzer.Decoding.Http;
using Analyzer.Events;

namespace Analyzer.Decoding.Soap;

/// <summary>
/// The answer to a UPnP control request. <see cref="Message"/> is <c>&lt;Action&gt;Response</c>, or <c>Fault</c> for
/// a SOAP fault or an HTTP error. Fields: status, action (of the request, or from the body when the request was not
/// seen), request_frame, service_type, returned arguments as arg_&lt;Name&gt;, upnp_error_code,
/// upnp_error_description, fault_code, fault_string, server, XML evidence, body_len, chunk_size_max.
/// </summary>
public sealed record SoapResponse(PacketInfo Packet) : AnalyzerEvent(Packet)
{
    public override string Protocol => ProtocolNames.Soap;
    public override string Message => IsFault ? "Fault" : (Action ?? "") + "Response";

    public required int Status { get; init; }
    /// <summary>The action answered; null when neither the request nor the body names it.</summary>
    public string? Action { get; init; }
    public string? ServiceType { get; init; }
    /// <summary>The paired request, when it was seen.</summary>
    public SoapRequest? Request { get; init; }
    public bool IsFault { get; init; }
    public required IReadOnlyList<SoapArgument> Arguments { get; init; }
    public int ArgumentCount { get; init; }
    public string? UpnpErrorCode { get; init; }
    public string? UpnpErrorDescription { get; init; }
    public string? FaultCode { get; init; }
    public string? FaultString { get; init; }
    public string? Server { get; init; }
    public XmlEvidence Evidence { get; init; }
    public long BodyLength { get; init; }
    public bool BodyTruncated { get; init; }
    public bool Incomplete { get; init; }
    public long LargestChunk { get; init; }

    public string? Argument(string name)
    {
        foreach (var a in Arguments)
            if (a.Name == name) return a.Value;
        return null;
    }

    public override IEnumerable<KeyValuePair<string, string>> Fields()
    {
        var f = new List<KeyValuePair<string, string>>(20 + Arguments.Count);
        f.Add(new("status", FieldText.Number(Status)));
        FieldText.AddCapped(f, "action", Action);
        FieldText.AddCapped(f, "service_type", ServiceType);
        if (Request is not null) f.Add(new("request_frame", FieldText.Number(Request.Packet.FrameNumber)));
        SoapFields.AddArguments(f, Arguments, ArgumentCount);
        FieldText.AddCapped(f, "upnp_error_code", UpnpErrorCode);
        FieldText.AddCapped(f, "upnp_error_description", UpnpErrorDescription);
        FieldText.AddCapped(f, "fault_code", FaultCode);
        FieldText.AddCapped(f, "fault_string", FaultString);
        FieldText.AddCapped(f, "server", Server);
        Evidence.AddTo(f);
        f.Add(new("body_len", FieldText.Number(BodyLength)));
        FieldText.AddFlag(f, "body_truncated", BodyTruncated);
        FieldText.AddFlag(f, "incomplete", Incomplete);
        if (LargestChunk > 0) f.Add(new("chunk_size_max", FieldText.Number(LargestChunk)));
        return f;
    }
}
