using Analyzer.Decoding.Description;
using Analyzer.Decoding.Dial;
using Analyzer.Decoding.Http;
using Analyzer.Events;
using Analyzer.Tests.Decoding.Http;
using Analyzer.Tests.Reassembly;
using Analyzer.Tests.Support;

namespace Analyzer.Tests.Decoding.Dial;

public class DialDecodingTests
{
    private static Dictionary<string, string> Fields(AnalyzerEvent e) => HttpConversation.FieldsOf(e);

    // As Metasploit's chromecast_youtube module sends it (its default video id).
    private const string Launch =
        "POST /apps/YouTube HTTP/1.1\r\nHost: 192.168.1.50:8008\r\nUser-Agent: Mozilla/5.0\r\n" +
        "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 13\r\n\r\nv=kxopViU98Xo";

    private const string Created =
        "HTTP/1.1 201 Created\r\nLOCATION: http://192.168.1.50:8008/apps/YouTube/run\r\nContent-Length: 0\r\n\r\n";

    private const string StatusXml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<service xmlns=\"urn:dial-multiscreen-org:schemas:dial\" dialVer=\"2.1\">" +
        "<name>YouTube</name><options allowStop=\"true\"/><state>running</state><link rel=\"run\" href=\"run\"/></service>";

    [Fact]
    public void ALaunchGivesTheApplicationThePayloadAndTheCreatedInstance()
    {
        var sink = HttpConversation.Exchange(Launch, Created);

        Assert.Equal(["LAUNCH", "RESPONSE"], sink.Events.Select(e => e.Message));
        Assert.All(sink.Events, e => Assert.Equal("dial", e.Protocol));
        var f = Fields(sink.Events[0]);
        Assert.Equal("YouTube", f["app"]);
        Assert.Equal("/apps/YouTube", f["path"]);
        Assert.Equal("192.168.1.50:8008", f["host"]);
        Assert.Equal("v=kxopViU98Xo", f["body"]);
        Assert.Equal("13", f["body_len"]);
        Assert.Equal("application/x-www-form-urlencoded", f["content_type"]);
        var r = Fields(sink.Events[1]);
        Assert.Equal("201", r["status"]);
        Assert.Equal("LAUNCH", r["request"]);
        Assert.Equal("YouTube", r["app"]);
        Assert.Equal("http://192.168.1.50:8008/apps/YouTube/run", r["location"]);
        Assert.Equal(sink.Events[0].Packet.FrameNumber.ToString(), r["request_frame"]);
    }

    [Fact]
    public void EverySplitOfALaunchInAnyOrderGivesTheSameMessages()
    {
        var request = HttpConversation.Bytes(Launch);
        // Frame numbers depend on the number of segments; everything else must not.
        static Dictionary<string, string> WithoutFrame(AnalyzerEvent e)
        {
            var f = Fields(e);
            f.Remove("request_frame");
            return f;
        }
        var expected = HttpConversation.Exchange(Launch, Created).Events.Select(WithoutFrame).ToList();
        for (int cut = 1; cut < request.Length; cut++)
        foreach (var order in new[] { new[] { 0, 1 }, new[] { 1, 0 } })
        {
            var c = new HttpConversation();
            c.SendPieces(fromClient: true, request, [cut], order);
            c.Server(Created, segmentSize: 7).Close();
            Assert.Equal(expected, c.Sink.Events.Select(WithoutFrame).ToList());
        }
    }

    [Theory]
    [InlineData("DELETE /apps/YouTube/run", "STOP", "run")]
    [InlineData("GET /apps/Netflix", "STATUS", null)]
    [InlineData("POST /apps/YouTube/run/hide", "HIDE", "run")]
    [InlineData("POST /apps/YouTube/run/dial_data", "DIAL_DATA", "run")]
    [InlineData("PUT /apps/YouTube", "PUT", null)]
    public void EachApplicationRequestIsNamed(string requestLine, string kind, string? instance)
    {
        var sink = HttpConversation.Exchange($"{requestLine} HTTP/1.1\r\nHost: tv\r\nContent-Length: 0\r\n\r\n",
            "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");

        var request = Assert.IsType<DialMessage>(sink.Events[0]);
        Assert.Equal(kind, request.Message);
        Assert.Equal(instance, request.Instance);
        Assert.Equal(kind, Fields(sink.Events[1])["request"]);
    }

    [Fact]
    public void AStatusResponseGivesTheApplicationState()
    {
        var sink = HttpConversation.Exchange("GET /apps/YouTube HTTP/1.1\r\nHost: tv:8008\r\n\r\n",
            $"HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: {StatusXml.Length}\r\n\r\n{StatusXml}");

        var f = Fields(sink.Events[1]);
        Assert.Equal("YouTube", f["app_name"]);
        Assert.Equal("running", f["state"]);
        Assert.Equal("true", f["allow_stop"]);
        Assert.Equal("2.1", f["dial_ver"]);
        Assert.Equal("run", f["run_link"]);
        Assert.False(f.ContainsKey("body"));
    }

    [Fact]
    public void TheCapturedChromecastDescriptionGivesItsApplicationUrl()
    {
        var sink = HttpConversation.Exchange(CapturedMessages.ChromecastDeviceDescriptionRequest, CapturedMessages.ChromecastDeviceDescriptionResponse);

        Assert.Equal(["DEVICE_DESC", "RESPONSE", "DESCRIPTION"], sink.Events.Select(e => e.Message));
        Assert.Equal("/ssdp/device-desc.xml", Fields(sink.Events[0])["path"]);
        var r = Fields(sink.Events[1]);
        Assert.Equal("DEVICE_DESC", r["request"]);
        Assert.Equal("http://10.0.0.149:8008/apps/", r["application_url"]);
        Assert.Equal("application/xml", r["content_type"]);
        Assert.IsType<DescriptionMessage>(sink.Events[2]);
    }

    [Fact]
    public void AnApplicationUrlOtherThanAppsIsLearnedForLaterRequests()
    {
        var analyzer = new HttpOverTcp();
        var sink = new EventList();
        new HttpConversation(analyzer, sink, new TcpTestConnection(clientPort: 56955, serverPort: 8060, client: "10.0.0.227", server: "10.0.0.151"))
            .Client(CapturedMessages.RokuDeviceDescriptionRequest).Server(CapturedMessages.RokuDeviceDescriptionResponse).Fin();
        Assert.Equal("http://10.0.0.151:8060/dial", Fields(sink.Events.OfType<DialMessage>().Single())["application_url"]);

        new HttpConversation(analyzer, sink, new TcpTestConnection(clientPort: 56990, serverPort: 8060, client: "10.0.0.227", server: "10.0.0.151"))
            .Client("POST /dial/YouTube HTTP/1.1\r\nHost: 10.0.0.151:8060\r\nContent-Length: 0\r\n\r\n")
            .Server(Created).Fin();
        var launch = sink.Events.OfType<DialMessage>().Single(e => e.Kind == "LAUNCH");
        Assert.Equal("YouTube", launch.App);

        // The prefix belongs to that server only.
        new HttpConversation(analyzer, sink, new TcpTestConnection(clientPort: 56991, serverPort: 8060, client: "10.0.0.227", server: "10.0.0.152"))
            .Client("POST /dial/YouTube HTTP/1.1\r\nHost: 10.0.0.152:8060\r\nContent-Length: 0\r\n\r\n")
            .Server(Created).Close();
        Assert.Single(sink.Events.OfType<DialMessage>(), e => e.Kind == "LAUNCH");
    }
}
