using Analyzer.Generation.Randomness;

namespace Analyzer.Generation.Messages;

/// <summary>
/// How a SOAP client writes its envelope and headers. The namespace prefixes are free (XML Namespaces), the
/// SOAPAction quotes are required by SOAP 1.1 but often left out, and the XML declaration is optional: a decoder that
/// matches on <c>s:Envelope</c> or a quoted SOAPAction misses real clients.
/// </summary>
public sealed record SoapStyle(
    string EnvelopePrefix,
    string ActionPrefix,
    string XmlDeclaration,
    bool QuotedAction,
    bool NewlineBetweenElements,
    SoapClientKind Client)
{
    /// <summary>miniupnpc's <c>simpleUPnPcommand</c>: <c>s:</c>/<c>u:</c>, quoted action, one line.</summary>
    public static SoapStyle MiniUpnpc { get; } = new("s", "u", "<?xml version=\"1.0\"?>\r\n", true, false, SoapClientKind.MiniUpnpc);

    /// <summary>Windows' UPnP control point (upnp.dll).</summary>
    public static SoapStyle Windows { get; } = new("s", "u", "<?xml version=\"1.0\"?>\r\n", true, false, SoapClientKind.Windows);

    /// <summary>A style for attack tools and odd clients, picked by the seed.</summary>
    public static SoapStyle Choose(GenerationRandom random)
    {
        string envelope = random.Pick(["s", "SOAP-ENV", "soap", "S", "env"]);
        string action = random.Pick(["u", "m", "ns0", "u", "urn"]);
        string declaration = random.Pick(["<?xml version=\"1.0\"?>\r\n", "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n", ""]);
        return new SoapStyle(envelope, action, declaration, random.Chance(0.5), random.Chance(0.5), SoapClientKind.Script);
    }
}
