using System.Text;

namespace Analyzer.Tests.Rules.Support;

/// <summary>HTTP messages of the UPnP family (SOAP control, GENA, DIAL, Cast setup, descriptions) as stacks send them.</summary>
public static class HttpText
{
    public const string WanIp = "urn:schemas-upnp-org:service:WANIPConnection:1";
    public const string Miniupnpd = "Linux/6.1 UPnP/1.1 MiniUPnPd/2.3.11";
    public const string Miniupnpc = "Linux/6.1 UPnP/1.1 MiniUPnPc/2.2.8";

    public static string SoapRequest(string host, string controlUrl, string serviceType, string action,
        IEnumerable<(string Name, string Value)> args, string? soapAction = null, string userAgent = Miniupnpc, string? bodyPrefix = null)
    {
        var body = new StringBuilder();
        body.Append(bodyPrefix ?? "<?xml version=\"1.0\"?>\r\n");
        body.Append("<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\" s:encodingStyle=\"http://schemas.xmlsoap.org/soap/encoding/\">");
        body.Append($"<s:Body><u:{action} xmlns:u=\"{serviceType}\">");
        foreach (var (name, value) in args) body.Append($"<{name}>{value}</{name}>");
        body.Append($"</u:{action}></s:Body></s:Envelope>\r\n");
        return Request("POST", controlUrl, host, body.ToString(),
            ("Content-Type", "text/xml; charset=\"utf-8\""), ("SOAPAction", soapAction ?? $"\"{serviceType}#{action}\""), ("User-Agent", userAgent));
    }

    public static string SoapResponse(string serviceType, string action, IEnumerable<(string Name, string Value)> args, string server = Miniupnpd)
    {
        var body = new StringBuilder("<?xml version=\"1.0\"?>\r\n<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\" s:encodingStyle=\"http://schemas.xmlsoap.org/soap/encoding/\">");
        body.Append($"<s:Body><u:{action}Response xmlns:u=\"{serviceType}\">");
        foreach (var (name, value) in args) body.Append($"<{name}>{value}</{name}>");
        body.Append($"</u:{action}Response></s:Body></s:Envelope>\r\n");
        return Response("200 OK", body.ToString(), ("Content-Type", "text/xml; charset=\"utf-8\""), ("Server", server));
    }

    public static string SoapFault(int code, string description, string server = Miniupnpd) =>
        Response("500 Internal Server Error",
            "<?xml version=\"1.0\"?>\r\n<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\" s:encodingStyle=\"http://schemas.xmlsoap.org/soap/encoding/\"><s:Body><s:Fault>"
            + "<faultcode>s:Client</faultcode><faultstring>UPnPError</faultstring><detail><UPnPError xmlns=\"urn:schemas-upnp-org:control-1-0\">"
            + $"<errorCode>{code}</errorCode><errorDescription>{description}</errorDescription></UPnPError></detail></s:Fault></s:Body></s:Envelope>\r\n",
            ("Content-Type", "text/xml; charset=\"utf-8\""), ("Server", server));

    public static (string Name, string Value)[] AddPortMappingArgs(ushort external, string client, ushort internalPort,
        string description = "app", uint lease = 3600, string protocol = "TCP") =>
    [
        ("NewRemoteHost", ""), ("NewExternalPort", external.ToString()), ("NewProtocol", protocol), ("NewInternalPort", internalPort.ToString()),
        ("NewInternalClient", client), ("NewEnabled", "1"), ("NewPortMappingDescription", description), ("NewLeaseDuration", lease.ToString()),
    ];

    public static string Subscribe(string path, string host, string? callback, string? nt = "upnp:event", string? sid = null,
        string? uuid = null, string userAgent = "Linux/6.1 UPnP/1.1 gupnp/1.6") =>
        Request("SUBSCRIBE", path, host, null,
            ("CALLBACK", callback), ("NT", nt), ("SID", sid), ("UUID", uuid), ("TIMEOUT", "Second-1800"), ("User-Agent", userAgent));

    public static string SubscribeOk(string sid = "uuid:5d1c2f3a-0b1e-4c7d-9a8b-2e3f4a5b6c7d") =>
        Response("200 OK", null, ("SID", sid), ("TIMEOUT", "Second-1800"), ("Server", Miniupnpd));

    public static string Notify(string path, string host, string sid = "uuid:5d1c2f3a-0b1e-4c7d-9a8b-2e3f4a5b6c7d") =>
        Request("NOTIFY", path, host,
            "<?xml version=\"1.0\"?>\r\n<e:propertyset xmlns:e=\"urn:schemas-upnp-org:event-1-0\"><e:property><ExternalIPAddress>198.51.100.7</ExternalIPAddress></e:property></e:propertyset>\r\n",
            ("Content-Type", "text/xml; charset=\"utf-8\""), ("NT", "upnp:event"), ("NTS", "upnp:propchange"), ("SID", sid), ("SEQ", "0"));

    public static string Ok() => Response("200 OK", null);

    public static string Request(string method, string target, string host, string? body, params (string Name, string? Value)[] headers)
    {
        var sb = new StringBuilder($"{method} {target} HTTP/1.1\r\nHOST: {host}\r\n");
        foreach (var (name, value) in headers)
            if (value is not null) sb.Append($"{name}: {value}\r\n");
        if (body is not null) sb.Append($"Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\n");
        else if (method is "POST") sb.Append("Content-Length: 0\r\n");
        sb.Append("\r\n");
        return sb + (body ?? "");
    }

    public static string Response(string status, string? body, params (string Name, string? Value)[] headers)
    {
        var sb = new StringBuilder($"HTTP/1.1 {status}\r\n");
        foreach (var (name, value) in headers)
            if (value is not null) sb.Append($"{name}: {value}\r\n");
        sb.Append($"Content-Length: {(body is null ? 0 : Encoding.UTF8.GetByteCount(body))}\r\n\r\n");
        return sb + (body ?? "");
    }
}
