using System.Text;

namespace Analyzer.Tests.Decoding.Http;

/// <summary>Valid and malformed HTTP/1.x messages as UPnP stacks send them.</summary>
public static class HttpParsingData
{
    public const string SoapBody =
        "<?xml version=\"1.0\"?><s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body>" +
        "<u:GetExternalIPAddress xmlns:u=\"urn:schemas-upnp-org:service:WANIPConnection:1\"></u:GetExternalIPAddress>" +
        "</s:Body></s:Envelope>";

    public static string SoapPost =>
        "POST /ctl/IPConn HTTP/1.1\r\n" +
        "HOST: 192.168.1.1:5000\r\n" +
        "CONTENT-TYPE: text/xml; charset=\"utf-8\"\r\n" +
        "SOAPACTION: \"urn:schemas-upnp-org:service:WANIPConnection:1#GetExternalIPAddress\"\r\n" +
        $"Content-Length: {SoapBody.Length}\r\n\r\n" + SoapBody;

    public const string ChunkedResponse =
        "HTTP/1.1 200 OK\r\n" +
        "Content-Type: text/xml\r\n" +
        "Transfer-Encoding: chunked\r\n\r\n" +
        "5\r\nhello\r\n" +
        "7;name=value\r\n, world\r\n" +
        "0\r\n" +
        "X-Trailer: yes\r\n\r\n";

    public const string Subscribe =
        "SUBSCRIBE /evt/IPConn HTTP/1.1\r\n" +
        "HOST: 192.168.1.1:5000\r\n" +
        "CALLBACK: <http://192.168.1.20:2869/upnp/eventing/abc>\r\n" +
        "NT: upnp:event\r\n" +
        "TIMEOUT: Second-1800\r\n\r\n";

    public const string FoldedLfOnly =
        "NOTIFY /upnp/eventing/abc HTTP/1.1\n" +
        "NT: upnp:event\n" +
        "X-Folded: first\n" +
        "  second\n" +
        "Content-Length: 4\n\n" +
        "<e/>";

    public const string Http10UntilClose =
        "HTTP/1.0 200 OK\r\nContent-Type: text/xml\r\n\r\n<root>until close</root>";

    /// <summary>Each message with its method or status and its body.</summary>
    public static TheoryData<string, string, string> Valid => new()
    {
        { SoapPost, "POST", SoapBody },
        { ChunkedResponse, "200", "hello, world" },
        { Subscribe, "SUBSCRIBE", "" },
        { FoldedLfOnly, "NOTIFY", "<e/>" },
    };

    public static TheoryData<string> Messages => new() { SoapPost, ChunkedResponse, Subscribe, FoldedLfOnly, Http10UntilClose };

    /// <summary>Messages that do not end before the stream does (body until close).</summary>
    public static TheoryData<string, string> UntilClose => new()
    {
        { Http10UntilClose, "<root>until close</root>" },
    };

    /// <summary>First bytes of a stream opened with a handshake that are not HTTP.</summary>
    public static TheoryData<string> NotHttp => new()
    {
        "SSH-2.0-OpenSSH_9.6\r\n",
        "\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u0001\u00fc\u0003\u0003",
        "220 ftp.example.org FTP server ready\r\n",
        "GETX / HTTP/1.1\r\n\r\n",
        "GET / SIP/2.0\r\n\r\n",
        "get / HTTP/1.1\r\n\r\n",
    };

    public static byte[] Bytes(string s) => Encoding.Latin1.GetBytes(s);
}
