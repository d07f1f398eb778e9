using Analyzer.Decoding.Http;
using Analyzer.Decoding.Soap;
using Analyzer.Tests.Reassembly;
using static Analyzer.Tests.Decoding.Soap.SoapParsingData;

namespace Analyzer.Tests.Decoding.Http;

/// <summary>POSTs that are not control, DIAL or Cast, to servers whose responses name a UPnP stack (CVE-2016-6255).</summary>
public class UpnpServerPostTests
{
    public const string Libupnp = "Linux/2.6.36, UPnP/1.0, Portable SDK for UPnP devices/1.6.19";
    public const string Payload = "#!/bin/sh\ntelnetd -l /bin/sh -p 2323\n";

    public static string Upload(string path = "/web/evil.sh", string contentType = "application/octet-stream", string body = Payload) =>
        $"POST {path} HTTP/1.1\r\nHost: 192.168.1.1:5000\r\nContent-Type: {contentType}\r\nUser-Agent: curl/7.88.1\r\n" +
        $"Content-Length: {body.Length}\r\n\r\n" + body;

    public static string Answer(string server, string status = "200 OK", string body = "") =>
        $"HTTP/1.1 {status}\r\nServer: {server}\r\nContent-Length: {body.Length}\r\n\r\n" + body;

    private static Dictionary<string, string> Fields(Analyzer.Events.AnalyzerEvent e) => HttpConversation.FieldsOf(e);

    [Fact]
    public void APostToAServerAlreadyKnownAsUpnpIsReportedWhenItsRequestCompletes()
    {
        var c = new HttpConversation();
        c.Client("GET /description.xml HTTP/1.1\r\nHost: 192.168.1.1:5000\r\n\r\n").Server(Answer(Libupnp, body: "not xml"));
        c.Client(Upload());

        var post = Assert.Single(c.Events<UpnpServerPost>());
        Assert.Equal(new Dictionary<string, string>
        {
            ["target"] = "/web/evil.sh", ["host"] = "192.168.1.1:5000", ["content_type"] = "application/octet-stream",
            ["user_agent"] = "curl/7.88.1", ["body_len"] = Payload.Length.ToString(),
        }, Fields(post));
        Assert.Equal("http", post.Protocol);
        Assert.Equal("POST", post.Message);
        Assert.Equal(TcpTestConnection.ServerAddress, post.Packet.Dst);
        Assert.Equal(5000, post.Packet.DstPort);

        // Its response is not read again.
        c.Server(Answer(Libupnp)).Close();
        Assert.Single(c.Events<UpnpServerPost>());
    }

    [Fact]
    public void APostToAnUnknownServerIsReportedWithItsResponseWhenThatNamesUpnp()
    {
        var c = new HttpConversation();
        c.Client(Upload("/a.txt?x=1", "text/plain", "hello")).Server(Answer(Libupnp)).Close();

        var post = Assert.Single(c.Events<UpnpServerPost>());
        var f = Fields(post);
        Assert.Equal("/a.txt?x=1", f["target"]);
        Assert.Equal("/a.txt", post.Path);
        Assert.Equal("5", f["body_len"]);
        Assert.Equal("200", f["status"]);
        Assert.Equal(Libupnp, f["server"]);
        // Reported on the response, but reading client → server.
        Assert.Equal(TcpTestConnection.ClientAddress, post.Packet.Src);
        Assert.Equal(TcpTestConnection.ServerAddress, post.Packet.Dst);
        Assert.Equal(5000, post.Packet.DstPort);
    }

    [Theory]
    [InlineData("nginx/1.24.0")]
    [InlineData("Apache")]
    [InlineData("UPnP")]
    public void APostToAServerThatNamesNoUpnpStackGivesNoEvent(string server)
    {
        var c = new HttpConversation();
        c.Client("GET / HTTP/1.1\r\nHost: x\r\n\r\n").Server(Answer(server));
        c.Client(Upload()).Server(Answer(server)).Close();

        Assert.Empty(c.Sink.Events);
    }

    [Fact]
    public void AUpnpSoapBodyWithoutSoapActionIsControlNotAPlainPost()
    {
        var c = new HttpConversation();
        c.Client(PostWithoutSoapAction(null, Envelope(Action("GetExternalIPAddress", WanIp1)))).Server(Answer(Libupnp)).Close();

        Assert.Single(c.Events<SoapRequest>());
        Assert.Empty(c.Events<UpnpServerPost>());
    }

    [Fact]
    public void AnXmlBodyThatIsNotUpnpControlIsAPlainPost()
    {
        var c = new HttpConversation();
        c.Client(Upload("/upload.xml", "text/xml", "<a>b</a>")).Server(Answer(Libupnp)).Close();

        var post = Assert.Single(c.Sink.Events);
        Assert.Equal("8", Fields(Assert.IsType<UpnpServerPost>(post))["body_len"]);
    }

    [Fact]
    public void ThePostBodyIsCountedNotKept()
    {
        var body = new string('A', 300_000);
        var c = new HttpConversation();
        c.Client("GET / HTTP/1.1\r\nHost: x\r\n\r\n").Server(Answer(Libupnp));
        c.Client(Upload(body: body));

        Assert.Equal("300000", Fields(Assert.Single(c.Events<UpnpServerPost>()))["body_len"]);
        Assert.Empty(c.Sink.Anomalies);
    }
}
