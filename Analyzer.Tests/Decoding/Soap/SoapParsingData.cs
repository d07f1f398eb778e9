namespace Analyzer.Tests.Decoding.Soap;

/// <summary>Hand-written UPnP control messages and their non-UPnP look-alikes.</summary>
public static class SoapParsingData
{
    public const string WanIp1 = "urn:schemas-upnp-org:service:WANIPConnection:1";
    public const string WanIp2 = "urn:schemas-upnp-org:service:WANIPConnection:2";

    public static string Envelope(string inner, string prefix = "s") =>
        $"<?xml version=\"1.0\"?>\r\n<{prefix}:Envelope xmlns:{prefix}=\"http://schemas.xmlsoap.org/soap/envelope/\" " +
        $"{prefix}:encodingStyle=\"http://schemas.xmlsoap.org/soap/encoding/\"><{prefix}:Body>{inner}</{prefix}:Body></{prefix}:Envelope>";

    public static string Action(string name, string service, params (string Name, string Value)[] args) =>
        $"<u:{name} xmlns:u=\"{service}\">" + string.Concat(args.Select(a => $"<{a.Name}>{a.Value}</{a.Name}>")) + $"</u:{name}>";

    public static string Post(string soapActionHeader, string body, string path = "/ctl/IPConn", string method = "POST") =>
        $"{method} {path} HTTP/1.1\r\n" +
        "HOST: 192.168.1.1:5000\r\n" +
        "CONTENT-TYPE: text/xml; charset=\"utf-8\"\r\n" +
        soapActionHeader + "\r\n" +
        "USER-AGENT: Linux/5.10 UPnP/1.1 MiniUPnPc/2.2.5\r\n" +
        $"Content-Length: {body.Length}\r\n\r\n" + body;

    public static string Ok(string body) =>
        "HTTP/1.1 200 OK\r\nCONTENT-TYPE: text/xml; charset=\"utf-8\"\r\nSERVER: Linux UPnP/1.1 MiniUPnPd/2.3.7\r\n" +
        $"Content-Length: {body.Length}\r\n\r\n" + body;

    public static string Error(int status, string body) =>
        $"HTTP/1.1 {status} Internal Server Error\r\nCONTENT-TYPE: text/xml; charset=\"utf-8\"\r\n" +
        $"Content-Length: {body.Length}\r\n\r\n" + body;

    public static string UpnpFault(int code, string description) => Envelope(
        "<s:Fault><faultcode>s:Client</faultcode><faultstring>UPnPError</faultstring><detail>" +
        $"<UPnPError xmlns=\"urn:schemas-upnp-org:control-1-0\"><errorCode>{code}</errorCode>" +
        $"<errorDescription>{description}</errorDescription></UPnPError></detail></s:Fault>");

    public static readonly (string, string)[] AddPortMappingArgs =
    [
        ("NewRemoteHost", ""), ("NewExternalPort", "47669"), ("NewProtocol", "TCP"), ("NewInternalPort", "445"),
        ("NewInternalClient", "192.168.10.212"), ("NewEnabled", "1"), ("NewPortMappingDescription", "galleta silenciosa"),
        ("NewLeaseDuration", "0"),
    ];

    /// <summary>Ways of writing the SOAPAction header that UPnP stacks accept, each naming GetExternalIPAddress.</summary>
    public static TheoryData<string, string> SoapActionForms => new()
    {
        { $"SOAPACTION: \"{WanIp1}#GetExternalIPAddress\"", "POST" },
        { $"SOAPAction: {WanIp1}#GetExternalIPAddress", "POST" },
        { $"soapaction:\"{WanIp1}#GetExternalIPAddress\"", "POST" },
        { $"SoapAction: '{WanIp1}#GetExternalIPAddress'", "POST" },
        { $"MAN: \"http://schemas.xmlsoap.org/soap/envelope/\"; ns=01\r\n01-SOAPACTION: \"{WanIp1}#GetExternalIPAddress\"", "M-POST" },
    };

    /// <summary>POSTs with a SOAPAction that are not UPnP control: no soap event.</summary>
    public static TheoryData<string, string> NotUpnp => new()
    {
        // HNAP (D-Link), as the IoT Sentinel captures show it.
        {
            "SOAPACTION: \"http://purenetworks.com/HNAP1/GetDeviceSettings\"",
            Envelope("<GetDeviceSettings xmlns=\"http://purenetworks.com/HNAP1/\" />", "soap")
        },
        { "SOAPAction: \"http://tempuri.org/IService/GetData\"", Envelope("<GetData xmlns=\"http://tempuri.org/\"><value>1</value></GetData>") },
        { "SOAPAction: ", Envelope("<ns:query xmlns:ns=\"http://example.com/ws\"/>") },
        { "SOAPAction: \"urn:example-com:quotes#getQuote\"", Envelope("<q:getQuote xmlns:q=\"urn:example-com:quotes\"/>") },
    };

    /// <summary>Degenerate SOAPAction values with a UPnP body: a soap event that names the issue.</summary>
    public static TheoryData<string, string> DegenerateSoapActions => new()
    {
        { "SOAPAction: ", "empty" },
        { "SOAPAction: \"", "lone_quote" },
        { "SOAPAction: '", "lone_quote" },
        { $"SOAPAction: \"{WanIp1}GetExternalIPAddress\"", "no_hash" },
        { $"SOAPAction: \"{WanIp1}#GetExternalIPAddress", "unbalanced_quote" },
    };

    /// <summary>
    /// Billion laughs: entities that would expand to gigabytes if a reader resolved them.
    /// </summary>
    public static string XmlBomb()
    {
        var dtd = new System.Text.StringBuilder("<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++)
            dtd.Append($"<!ENTITY lol{i} \"" + string.Concat(Enumerable.Repeat($"&lol{i - 1};".Replace("lol0", "lol"), 10)) + "\">");
        dtd.Append("]>");
        return "<?xml version=\"1.0\"?>" + dtd + Envelope(Action("AddPortMapping", WanIp1, ("NewPortMappingDescription", "&lol9;"))).Replace("<?xml version=\"1.0\"?>\r\n", "");
    }
}
