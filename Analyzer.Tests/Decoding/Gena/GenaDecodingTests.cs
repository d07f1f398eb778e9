using Analyzer.Decoding.Gena;
using Analyzer.Decoding.Http;
using Analyzer.Tests.Decoding.Http;

namespace Analyzer.Tests.Decoding.Gena;

public class GenaDecodingTests
{
    private static Dictionary<string, string> Fields(Analyzer.Events.AnalyzerEvent e) => HttpConversation.FieldsOf(e);

    private static string Subscribe(string callback, string extra = "") =>
        "SUBSCRIBE /evt/IPConn HTTP/1.1\r\nHOST: 192.168.1.1:5000\r\n" +
        $"CALLBACK: {callback}\r\nNT: upnp:event\r\nTIMEOUT: Second-1800\r\n{extra}\r\n";

    private const string SubscribeOk =
        "HTTP/1.1 200 OK\r\nSID: uuid:7cd1e6a4-2f3b-11ee-be56-0242ac120002\r\nTIMEOUT: Second-1800\r\nContent-Length: 0\r\n\r\n";

    [Fact]
    public void TheCapturedSubscribeGivesItsCallbackAndTheResponseItsSid()
    {
        var sink = HttpConversation.Exchange(CapturedMessages.SubscribeRequest, CapturedMessages.SubscribeResponse);

        Assert.Equal(["SUBSCRIBE", "RESPONSE"], sink.Events.Select(e => e.Message));
        Assert.All(sink.Events, e => Assert.Equal("gena", e.Protocol));
        var f = Fields(sink.Events[0]);
        Assert.Equal("/WANIPConnection", f["path"]);
        Assert.Equal("192.168.0.1", f["host"]);
        Assert.Equal("<http://192.168.0.13:2869/upnp/eventing/mclbfxnltw>", f["callback"]);
        Assert.Equal("51", f["callback_len"]);
        Assert.Equal("1", f["callback_count"]);
        Assert.Equal("http://192.168.0.13:2869/upnp/eventing/mclbfxnltw", f["callback_1"]);
        Assert.Equal("192.168.0.13", f["callback_1_host"]);
        Assert.Equal("2869", f["callback_1_port"]);
        Assert.Equal("upnp:event", f["nt"]);
        Assert.Equal("Second-1800", f["timeout"]);
        Assert.Equal("Microsoft-Windows/6.1 UPnP/1.0", f["user_agent"]);

        var r = Fields(sink.Events[1]);
        Assert.Equal("200", r["status"]);
        Assert.Equal("SUBSCRIBE", r["request"]);
        Assert.Equal("/WANIPConnection", r["request_path"]);
        Assert.Equal("uuid:185144fc", r["sid"]);
        Assert.Equal("Second-600", r["timeout"]);
        Assert.Equal("UPnP/1.0 UPnP-Device-Host/1.0", r["server"]);
        Assert.Equal(sink.Events[0].Packet.FrameNumber.ToString(), r["request_frame"]);
    }

    [Fact]
    public void TheCapturedNotifyGivesItsPropertySet()
    {
        var sink = HttpConversation.Exchange(CapturedMessages.NotifyRequest, CapturedMessages.NotifyResponse);

        var notify = Assert.IsType<GenaMessage>(sink.Events[0]);
        Assert.Equal("NOTIFY", notify.Message);
        var f = Fields(notify);
        Assert.Equal("/upnp/eventing/xcmmwtqlwc", f["path"]);
        Assert.Equal("upnp:event", f["nt"]);
        Assert.Equal("upnp:propchange", f["nts"]);
        Assert.Equal("uuid:185134fb", f["sid"]);
        Assert.Equal("0", f["seq"]);
        Assert.Equal("IP_Routed", f["prop_PossibleConnectionTypes"]);
        Assert.Equal("Connected", f["prop_ConnectionStatus"]);
        Assert.Equal("99.224.90.102", f["prop_ExternalIPAddress"]);
        Assert.Equal("58", f["prop_PortMappingNumberOfEntries"]);
        Assert.Equal("4", f["props_total"]);
        Assert.Equal("504", f["body_len"]);
        Assert.Equal("RESPONSE", sink.Events[1].Message);
        Assert.Equal("NOTIFY", Fields(sink.Events[1])["request"]);
    }

    [Fact]
    public void TheCapturedUnsubscribeAndRenewalAreDecoded()
    {
        var unsubscribe = HttpConversation.Exchange(CapturedMessages.UnsubscribeRequest, CapturedMessages.UnsubscribeResponse);
        Assert.Equal(["UNSUBSCRIBE", "RESPONSE"], unsubscribe.Events.Select(e => e.Message));
        Assert.Equal("uuid:185134fb", Fields(unsubscribe.Events[0])["sid"]);

        var renewal = HttpConversation.Exchange(CapturedMessages.SubscribeRenewalRequest, CapturedMessages.SubscribeRenewalResponse);
        Assert.Equal(["SUBSCRIBE", "RESPONSE"], renewal.Events.Select(e => e.Message));
        var f = Fields(renewal.Events[0]);
        Assert.Equal("/evt/CmnIfCfg", f["path"]);
        Assert.Equal("uuid:824ff22b-8c7d-41c5-a131-30469a23dde9", f["sid"]);
        Assert.Equal("41", f["sid_len"]);
        Assert.False(f.ContainsKey("callback"));
        Assert.Equal("Netgear/1.0 UPnP/1.0 miniupnpd/1.0", Fields(renewal.Events[1])["server"]);
    }

    [Fact]
    public void EveryPrefixOfASubscribeThenTheRestGivesOneMessage()
    {
        var bytes = HttpConversation.Bytes(CapturedMessages.SubscribeRequest);
        for (int cut = 1; cut < bytes.Length; cut++)
        {
            var c = new HttpConversation();
            c.SendPieces(fromClient: true, bytes[..cut], [], null);
            Assert.Empty(c.Sink.Events);
            c.SendPieces(fromClient: true, bytes[cut..], [], null);
            Assert.Equal("SUBSCRIBE", Assert.Single(c.Sink.Events).Message);
        }
    }

    [Fact]
    public void EverySplitOfASubscribeInAnyOrderGivesTheSameMessage()
    {
        var bytes = HttpConversation.Bytes(CapturedMessages.SubscribeRequest);
        var expected = Fields(HttpConversation.Exchange(CapturedMessages.SubscribeRequest, "").Events[0]);
        for (int a = 1; a < bytes.Length; a += 3)
        for (int b = a + 1; b < bytes.Length; b += 29)
        foreach (var order in new[] { new[] { 2, 1, 0 }, new[] { 1, 0, 2 }, new[] { 0, 2, 1 } })
        {
            var c = new HttpConversation();
            c.SendPieces(fromClient: true, bytes, [a, b], order);
            Assert.Equal(expected, Fields(Assert.Single(c.Sink.Events)));
        }
    }

    [Fact]
    public void EveryCallbackUrlIsListedWithItsHostAndPort()
    {
        var sink = HttpConversation.Exchange(
            Subscribe("<http://203.0.113.9:80/a><http://[fd00::1]:8080/b><http://printer.local/c><http://192.168.1.50:9100>"),
            SubscribeOk);

        var f = Fields(sink.Events[0]);
        Assert.Equal("4", f["callback_count"]);
        Assert.Equal("203.0.113.9", f["callback_1_host"]);
        Assert.Equal("80", f["callback_1_port"]);
        Assert.Equal("fd00::1", f["callback_2_host"]);
        Assert.Equal("8080", f["callback_2_port"]);
        Assert.Equal("printer.local", f["callback_3_host"]);
        Assert.Equal("80", f["callback_3_port"]);
        Assert.Equal("http://192.168.1.50:9100", f["callback_4"]);
        Assert.Equal("9100", f["callback_4_port"]);
    }

    [Fact]
    public void AnOverlongCallbackAndSidKeepTheirRealLengths()
    {
        string path = new('x', 5000);
        string sid = "uuid:" + new string('A', 300);
        var sink = HttpConversation.Exchange(Subscribe($"<http://198.51.100.7/{path}>", $"SID: {sid}\r\nUUID: {sid}\r\n"), SubscribeOk);

        var f = Fields(sink.Events[0]);
        Assert.Equal((path.Length + 22).ToString(), f["callback_len"]);
        Assert.Equal(FieldText.MaxChars, f["callback"].Length);
        Assert.Equal("305", f["sid_len"]);
        Assert.Equal("305", f["uuid_len"]);
    }

    [Fact]
    public void ACallbackWhosePortIsNotFollowedByAPathKeepsTheRawPort()
    {
        var sink = HttpConversation.Exchange(Subscribe("<http://192.168.1.20:5000AAAAAAAA>"), SubscribeOk);

        var f = Fields(sink.Events[0]);
        Assert.Equal("192.168.1.20", f["callback_1_host"]);
        Assert.Equal("-1", f["callback_1_port"]);
        Assert.Equal(25, Assert.IsType<GenaMessage>(sink.Events[0]).CallbackJunkAfterPort);
    }

    [Theory]
    [InlineData("<http://192.168.1.20:5000AAAA>", "AAAA>")]
    [InlineData("<HTTP://192.168.1.20:5000 >", " >")]
    [InlineData("<http://[fe80::1]:5000x/p>", "x/p>")]
    [InlineData("<ftp://10.0.0.1/><http://10.0.0.2:80;>", ";>")]
    [InlineData("<http://192.168.1.20:5000", null)]
    [InlineData("<http://192.168.1.20:123456>", null)]
    [InlineData("<http://192.168.1.20:>", null)]
    [InlineData("<http://printer/cb:80x>", null)]
    [InlineData("<http://[fe80::1]x:80z>", null)]
    [InlineData("<http://10.0.0.1:80/><http://10.0.0.2:80x>", null)]
    [InlineData("http://192.168.1.20:5000AAAA", null)]
    public void TheCallbackPortRuleIsCheckedOnTheFirstHttpCallback(string callback, string? junk) =>
        Assert.Equal(junk, GenaCallback.JunkAfterPort(callback) is { } at ? callback[at..] : null);

    [Fact]
    public void ANotifyBodyWithADoctypeIsEvidence()
    {
        const string body = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>" +
                            "<e:propertyset xmlns:e=\"urn:schemas-upnp-org:event-1-0\"><e:property><A>&e;</A></e:property></e:propertyset>";
        var notify = $"NOTIFY /evt HTTP/1.1\r\nNT: upnp:event\r\nNTS: upnp:propchange\r\nSID: uuid:1\r\nSEQ: 3\r\nContent-Length: {body.Length}\r\n\r\n{body}";
        var sink = HttpConversation.Exchange(notify, "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");

        var f = Fields(sink.Events[0]);
        Assert.Equal("1", f["doctype"]);
        Assert.Equal("1", f["entity"]);
        Assert.True(f.ContainsKey("xml_error"));
    }

    [Fact]
    public void SeveralGenaRequestsOnOneConnectionArePairedInOrder()
    {
        var c = new HttpConversation();
        c.Client(Subscribe("<http://192.168.1.20:49152/a>") + "UNSUBSCRIBE /evt/IPConn HTTP/1.1\r\nHOST: x\r\nSID: uuid:9\r\n\r\n");
        c.Server(SubscribeOk + "HTTP/1.1 412 Precondition Failed\r\nContent-Length: 0\r\n\r\n");
        c.Close();

        Assert.Equal(["SUBSCRIBE", "UNSUBSCRIBE", "RESPONSE", "RESPONSE"], c.Sink.Events.Select(e => e.Message));
        Assert.Equal("SUBSCRIBE", Fields(c.Sink.Events[2])["request"]);
        Assert.Equal("UNSUBSCRIBE", Fields(c.Sink.Events[3])["request"]);
        Assert.Equal("412", Fields(c.Sink.Events[3])["status"]);
    }
}
