using Analyzer.Decoding.Http;

namespace Analyzer.Decoding.Soap;

/// <summary>
/// What a SOAP body holds: the first element of Body (the action, its response, or a Fault), its arguments, the
/// UPnPError of a fault, and evidence about the XML itself. Values are capped; counts are real.
/// </summary>
public sealed class SoapEnvelope
{
    public bool HasEnvelope { get; internal set; }
    public bool HasBody { get; internal set; }
    /// <summary>Local name of the first element inside Body, e.g. AddPortMapping or AddPortMappingResponse.</summary>
    public string? ActionName { get; internal set; }
    /// <summary>Namespace of that element: the service type for UPnP.</summary>
    public string? ActionNamespace { get; internal set; }
    public bool IsFault { get; internal set; }
    public List<SoapArgument> Arguments { get; } = [];
    /// <summary>Arguments seen, including those beyond <see cref="SoapEnvelopeParser.MaxArguments"/>.</summary>
    public int ArgumentCount { get; internal set; }
    public string? FaultCode { get; internal set; }
    public string? FaultString { get; internal set; }
    public string? UpnpErrorCode { get; internal set; }
    public string? UpnpErrorDescription { get; internal set; }
    public XmlEvidence Evidence { get; internal set; }

    public string? Argument(string name)
    {
        foreach (var a in Arguments)
            if (a.Name == name) return a.Value;
        return null;
    }
}
