using System.Text;

namespace Analyzer.Generation.Messages;

/// <summary>
/// UPnP control messages (UDA 1.1 §3.2, SOAP 1.1 over HTTP POST): requests in a client's style, responses and
/// UPnPError faults in miniupnpd's layout.
/// </summary>
public static class SoapMessages
{
    public const string EnvelopeNamespace = "http://schemas.xmlsoap.org/soap/envelope/";
    public const string EncodingStyle = "http://schemas.xmlsoap.org/soap/encoding/";

    public static string RequestBody(SoapStyle style, string serviceType, string action, IEnumerable<(string Name, string Value)> args)
    {
        string e = style.EnvelopePrefix, u = style.ActionPrefix, nl = style.NewlineBetweenElements ? "\r\n" : "";
        var xml = new StringBuilder(style.XmlDeclaration);
        xml.Append($"<{e}:Envelope xmlns:{e}=\"{EnvelopeNamespace}\" {e}:encodingStyle=\"{EncodingStyle}\">{nl}");
        xml.Append($"<{e}:Body>{nl}<{u}:{action} xmlns:{u}=\"{serviceType}\">{nl}");
        foreach (var (name, value) in args) xml.Append($"<{name}>{value}</{name}>{nl}");
        xml.Append($"</{u}:{action}>{nl}</{e}:Body>{nl}</{e}:Envelope>");
        if (style.NewlineBetweenElements) xml.Append("\r\n");
        return xml.ToString();
    }

    /// <summary>The SOAPAction value: <c>"serviceType#action"</c>, or without quotes as sloppy clients send it.</summary>
    public static string ActionHeader(SoapStyle style, string serviceType, string action) =>
        style.QuotedAction ? $"\"{serviceType}#{action}\"" : $"{serviceType}#{action}";

    /// <summary>A complete control request: POST to the control URL with the client's header set.</summary>
    /// <param name="soapActionValue">Overrides the SOAPAction value (degenerate and overlong values in exploits).</param>
    public static byte[] Request(HttpStyle http, SoapStyle soap, string hostPort, string controlPath, string serviceType,
        string action, string userAgent, string body, string? soapActionValue = null)
    {
        string soapAction = soapActionValue ?? ActionHeader(soap, serviceType, action);
        string length = HttpText.Length(body);
        (string, string)[] headers = soap.Client switch
        {
            SoapClientKind.MiniUpnpc =>
            [
                ("Host", hostPort), ("User-Agent", userAgent), ("Content-Length", length), ("Content-Type", "text/xml"),
                ("SOAPAction", soapAction), ("Connection", "Close"), ("Cache-Control", "no-cache"), ("Pragma", "no-cache"),
            ],
            SoapClientKind.Windows =>
            [
                ("Cache-Control", "no-cache"), ("Connection", "Close"), ("Pragma", "no-cache"),
                ("Content-Type", "text/xml; charset=\"utf-8\""), ("User-Agent", userAgent), ("SOAPAction", soapAction),
                ("Content-Length", length), ("Host", hostPort),
            ],
            _ =>
            [
                ("Host", hostPort), ("User-Agent", userAgent), ("Accept-Encoding", "gzip, deflate"), ("Accept", "*/*"),
                ("Connection", "close"), ("SOAPAction", soapAction), ("Content-Type", "text/xml; charset=\"utf-8\""),
                ("Content-Length", length),
            ],
        };
        return HttpText.Request(http, "POST", controlPath, headers, body);
    }

    public static string ResponseBody(string serviceType, string action, IEnumerable<(string Name, string Value)> args)
    {
        var xml = new StringBuilder("<?xml version=\"1.0\"?>\r\n");
        xml.Append($"<s:Envelope xmlns:s=\"{EnvelopeNamespace}\" s:encodingStyle=\"{EncodingStyle}\"><s:Body>");
        xml.Append($"<u:{action}Response xmlns:u=\"{serviceType}\">");
        foreach (var (name, value) in args) xml.Append($"<{name}>{value}</{name}>");
        xml.Append($"</u:{action}Response></s:Body></s:Envelope>\r\n");
        return xml.ToString();
    }

    public static string FaultBody(UpnpError error) =>
        "<?xml version=\"1.0\"?>\r\n" +
        $"<s:Envelope xmlns:s=\"{EnvelopeNamespace}\" s:encodingStyle=\"{EncodingStyle}\"><s:Body><s:Fault>" +
        "<faultcode>s:Client</faultcode><faultstring>UPnPError</faultstring><detail>" +
        $"<UPnPError xmlns=\"urn:schemas-upnp-org:control-1-0\"><errorCode>{error.Code}</errorCode>" +
        $"<errorDescription>{error.Description}</errorDescription></UPnPError></detail></s:Fault></s:Body></s:Envelope>\r\n";

    /// <summary>The HTTP response around a SOAP body: 200 for a result, 500 for a fault (UDA 1.1 §3.2.2).</summary>
    public static byte[] HttpResponse(string server, long timestampUs, string body, bool fault = false) =>
        HttpText.Response(HttpStyle.Standard, fault ? 500 : 200, fault ? "Internal Server Error" : "OK",
        [
            ("Content-Type", "text/xml; charset=\"utf-8\""), ("Connection", "close"), ("Content-Length", HttpText.Length(body)),
            ("Server", server), ("Ext", ""), ("Date", HttpText.Date(timestampUs)),
        ], body);
}
