namespace Analyzer.Generation.Messages;

/// <summary>Which client library's header set and order a SOAP request follows.</summary>
public enum SoapClientKind : byte
{
    MiniUpnpc,
    Windows,
    /// <summary>Python requests / curl style: Host first, Accept and Accept-Encoding, few extras.</summary>
    Script,
}
