using Analyzer.Decoding;
using Analyzer.Decoding.Http;
using Analyzer.Learning;
using Analyzer.Rules;
using static Analyzer.Tests.Learning.LearningEvents;

namespace Analyzer.Tests.Learning;

public class FeatureExtractorTests
{
    private const long W = FeatureExtractor.DefaultWindowUs;
    private readonly List<HostWindow> _closed = [];
    private readonly FeatureExtractor _extractor;

    public FeatureExtractorTests() => _extractor = new FeatureExtractor(new NetworkContext(), W, _closed.Add);

    private static double Value(HostWindow w, string feature) => w.Raw[HostWindowFeatures.Names.ToList().IndexOf(feature)];

    private HostWindow Only(string host, long startUs) => Assert.Single(_closed, w => w.Host == NetAddress.Parse(host) && w.StartUs == startUs);

    [Fact]
    public void SearchesAndAnswersCountForTheSenderAndTheReceiver()
    {
        _extractor.BeginCapture("a.pcap");
        for (int i = 0; i < 3; i++) _extractor.OnEvent(Search("192.168.1.10", "239.255.255.250", T0 + i * 1000));
        _extractor.OnEvent(Search("192.168.1.10", "192.168.1.1", T0 + 5000, "urn:schemas-upnp-org:device:InternetGatewayDevice:1"));
        _extractor.OnEvent(Response("192.168.1.1", "192.168.1.10", T0 + 6000));
        _extractor.OnEvent(Response("192.168.1.20", "192.168.1.10", T0 + 7000));
        _extractor.EndCapture();

        var searcher = Only("192.168.1.10", T0);
        Assert.Equal(4, Value(searcher, "ssdp_msearch"));
        Assert.Equal(1, Value(searcher, "ssdp_msearch_unicast"));
        Assert.Equal(3, Value(searcher, "ssdp_search_all"));
        Assert.Equal(2, Value(searcher, "ssdp_distinct_st"));
        Assert.Equal(2, Value(searcher, "ssdp_responses_received"));
        Assert.Equal(2, Value(searcher, "ssdp_distinct_responders"));
        Assert.Equal((1.0 + 600) / (1.0 + 480), Value(searcher, "ssdp_response_request_ratio"), 12);
        Assert.Equal(1, Value(searcher, "distinct_peers"));
        Assert.Equal(1, Value(searcher, "new_host"));
        Assert.Equal("ssdp", searcher.Protocol);
        Assert.Equal("a.pcap", searcher.Capture);

        var router = Only("192.168.1.1", T0);
        Assert.Equal(1, Value(router, "ssdp_responses_sent"));
        Assert.Equal(1, Value(router, "events_received"));
        Assert.Equal(1, Value(router, "ssdp_distinct_uuids"));
        Assert.Equal(0, Value(router, "ssdp_location_mismatch"));
        // Multicast destinations are not hosts.
        Assert.DoesNotContain(_closed, w => w.Host.IsMulticast);
    }

    [Fact]
    public void TheModelVectorIsTheScaledRawValues()
    {
        _extractor.OnEvent(Search("192.168.1.10", "239.255.255.250", T0));
        _extractor.EndCapture();
        var w = Assert.Single(_closed);
        for (int i = 0; i < HostWindowFeatures.Count; i++)
            Assert.Equal(HostWindowFeatures.All[i].ToModel(w.Raw[i]), w.Features[i]);
        Assert.Equal(1f, w.Features[HostWindowFeatures.Names.ToList().IndexOf("ssdp_msearch")]); // log2(1 + 1)
    }

    [Fact]
    public void WindowsCloseWhenCaptureTimePassesTheirEndPlusGrace()
    {
        _extractor.OnEvent(Search("192.168.1.10", "239.255.255.250", T0 + 2_000_000));
        _extractor.Advance(T0 + W + FeatureExtractor.CloseGraceUs - 1);
        Assert.Empty(_closed);
        _extractor.Advance(T0 + W + FeatureExtractor.CloseGraceUs);
        var w = Assert.Single(_closed);
        Assert.Equal((T0, T0 + W, T0 + 2_000_000), (w.StartUs, w.EndUs, w.FirstEventUs));
    }

    [Fact]
    public void ALaterEventStartsANewWindowAndOnlyTheFirstIsNewHost()
    {
        _extractor.OnEvent(Search("192.168.1.10", "239.255.255.250", T0));
        _extractor.OnEvent(Search("192.168.1.10", "239.255.255.250", T0 + 2 * W + 5));
        Assert.Single(_closed);
        // Late delivery (an earlier time) stays in the open window.
        _extractor.OnEvent(Search("192.168.1.10", "239.255.255.250", T0 + 3));
        _extractor.EndCapture();
        Assert.Equal(1, Value(Only("192.168.1.10", T0), "new_host"));
        var second = Only("192.168.1.10", T0 + 2 * W);
        Assert.Equal(0, Value(second, "new_host"));
        Assert.Equal(2, Value(second, "ssdp_msearch"));
    }

    [Fact]
    public void EachCaptureIsItsOwnStory()
    {
        _extractor.OnEvent(Search("192.168.1.10", "239.255.255.250", T0));
        _extractor.EndCapture();
        _extractor.OnEvent(Search("192.168.1.10", "239.255.255.250", T0 + 5 * W));
        _extractor.EndCapture();
        Assert.All(_closed, w => Assert.Equal(1, Value(w, "new_host")));
    }

    [Fact]
    public void AUuidFirstAdvertisedInALaterWindowIsAnIdentityChange()
    {
        _extractor.OnEvent(Notify("192.168.1.30", T0, "uuid:root::upnp:rootdevice"));
        _extractor.OnEvent(Notify("192.168.1.30", T0 + 10, "uuid:embedded::urn:schemas-upnp-org:device:WANDevice:1"));
        _extractor.OnEvent(Notify("192.168.1.30", T0 + W, "uuid:root::upnp:rootdevice"));
        _extractor.OnEvent(Notify("192.168.1.30", T0 + 2 * W, "uuid:impostor::upnp:rootdevice"));
        _extractor.EndCapture();
        Assert.Equal(0, Value(Only("192.168.1.30", T0), "identity_changes"));
        Assert.Equal(2, Value(Only("192.168.1.30", T0), "ssdp_distinct_uuids"));
        Assert.Equal(0, Value(Only("192.168.1.30", T0 + W), "identity_changes"));
        Assert.Equal(1, Value(Only("192.168.1.30", T0 + 2 * W), "identity_changes"));
    }

    [Fact]
    public void ALocationNamingAnotherAddressIsCounted()
    {
        _extractor.OnEvent(Response("192.168.1.40", "192.168.1.10", T0, location: "http://192.168.1.99:8888/ssdp/device-desc.xml"));
        _extractor.EndCapture();
        Assert.Equal(1, Value(Only("192.168.1.40", T0), "ssdp_location_mismatch"));
    }

    [Fact]
    public void NatPmpAndPcpMappingsFeedTheMappingFeatures()
    {
        _extractor.OnEvent(NatPmpMap("192.168.1.10", "192.168.1.1", T0, 6881, 7200));
        _extractor.OnEvent(NatPmpMap("192.168.1.10", "192.168.1.1", T0 + 1, 6881, 0));
        _extractor.OnEvent(PcpMap("192.168.1.10", "192.168.1.1", T0 + 2, 445, thirdParty: "192.168.1.50"));
        _extractor.EndCapture();
        var w = Only("192.168.1.10", T0);
        Assert.Equal(2, Value(w, "mapping_requests"));
        Assert.Equal(1, Value(w, "mapping_deletes"));
        Assert.Equal(2, Value(w, "natpmp_requests"));
        Assert.Equal(1, Value(w, "pcp_requests"));
        Assert.Equal(1, Value(w, "pcp_third_party"));
        Assert.Equal(0.5, Value(w, "mapping_other_host_share"));
        Assert.Equal(0.5, Value(w, "mapping_sensitive_port_share"));
        Assert.Equal((7200 + 3600) / 2.0, Value(w, "mapping_mean_lease"));
        Assert.Equal(2, Value(w, "mapping_distinct_external_ports"));
    }

    [Fact]
    public void SoapEventsAreReadThroughTheirTypedFields()
    {
        const string soapAction = "\"urn:schemas-upnp-org:service:WANIPConnection:1#AddPortMapping\"";
        _extractor.OnEvent(Soap("192.168.1.66", "192.168.1.1", T0, "AddPortMapping", soapAction,
            Arg("NewInternalClient", "203.0.113.9"), Arg("NewInternalPort", "445"), Arg("NewExternalPort", "47669"),
            Arg("NewLeaseDuration", "0"), Arg("NewPortMappingDescription", "galleta silenciosa")));
        _extractor.OnEvent(Soap("192.168.1.66", "192.168.1.1", T0 + 1, "AddPortMapping", null,
            Arg("NewInternalClient", "`wget http://x/y`", 2100), Arg("NewInternalClient", new string('A', 3000))));
        _extractor.OnEvent(Soap("192.168.1.66", "192.168.1.1", T0 + 2, "GetGenericPortMappingEntry", null, Arg("NewPortMappingIndex", "0")));
        _extractor.OnEvent(SoapFault("192.168.1.1", "192.168.1.66", T0 + 3, "AddPortMapping"));
        _extractor.EndCapture();
        var w = Only("192.168.1.66", T0);
        Assert.Equal(3, Value(w, "soap_requests"));
        Assert.Equal(2, Value(w, "soap_distinct_actions"));
        Assert.Equal(1, Value(w, "soap_enumeration"));
        Assert.Equal(2, Value(w, "mapping_requests"));
        Assert.Equal(1, Value(w, "mapping_other_host_share"));
        Assert.Equal(0.5, Value(w, "mapping_outside_client_share"));
        Assert.Equal(0.5, Value(w, "mapping_sensitive_port_share"));
        Assert.Equal(0.5, Value(w, "mapping_permanent_other_host_share"));
        // The repeated argument is not counted, as in the event's fields: the longest is the cut one's real length.
        Assert.Equal(2100, Value(w, "soap_max_argument"));
        Assert.Equal(soapAction.Length, Value(w, "soap_max_soapaction"));
        Assert.Equal(1, Value(w, "soap_faults_received"));
        Assert.Equal(1, Value(w, "mapping_failures_received"));
        Assert.Equal(0, Value(Only("192.168.1.1", T0), "soap_requests"));
    }

    [Fact]
    public void GenaCallbacksToAnotherHostAndFetchedDescriptionsAreCounted()
    {
        _extractor.OnEvent(Subscribe("192.168.1.66", "192.168.1.1", T0, 50002, "<http://203.0.113.7:80/x><http://192.168.1.66:9000/>"));
        _extractor.OnEvent(Subscribe("192.168.1.66", "192.168.1.1", T0 + 1, 50003, "<http://192.168.1.66:9000/>"));
        _extractor.OnEvent(Subscribe("192.168.1.66", "192.168.1.1", T0 + 2, 50005, "<http://192.168.1.66:9000/><http://nas.local/cb>"));
        _extractor.OnEvent(Description("192.168.1.1", "192.168.1.66", T0 + 3, new XmlEvidence(Doctype: true, false, false, false, null)));
        _extractor.EndCapture();
        var subscriber = Only("192.168.1.66", T0);
        Assert.Equal(3, Value(subscriber, "gena_subscribe"));
        Assert.Equal(2, Value(subscriber, "gena_callback_foreign"));
        Assert.Equal(1, Value(subscriber, "description_fetches"));
        Assert.Equal(1, Value(Only("192.168.1.1", T0), "xml_dtd"));
    }

    [Fact]
    public void DialAndCastRequestsAreCountedForTheirSenderAndResponsesAreNot()
    {
        _extractor.OnEvent(Dial("192.168.1.66", "192.168.1.50", T0, "LAUNCH"));
        _extractor.OnEvent(Dial("192.168.1.50", "192.168.1.66", T0 + 1, "LAUNCH", status: 201));
        _extractor.OnEvent(Cast("192.168.1.66", "192.168.1.50", T0 + 2, "reboot"));
        _extractor.OnEvent(Cast("192.168.1.50", "192.168.1.66", T0 + 3, "reboot", status: 200));
        _extractor.EndCapture();
        Assert.Equal(2, Value(Only("192.168.1.66", T0), "dial_cast_requests"));
        Assert.Equal(0, Value(Only("192.168.1.50", T0), "dial_cast_requests"));
    }

    [Fact]
    public void OnlyEventNotificationsToAnInternetHostCountAndTheLongestGenaHeaderIsKept()
    {
        string callback = "<http://192.168.1.66:9000/" + new string('A', 1500) + ">";
        _extractor.OnEvent(Subscribe("192.168.1.66", "192.168.1.1", T0, 50002, callback));
        _extractor.OnEvent(EventNotify("192.168.1.1", "192.168.1.66", T0 + 1));
        _extractor.OnEvent(EventNotify("192.168.1.1", "192.168.1.66", T0 + 2));
        _extractor.OnEvent(EventNotify("192.168.1.1", "203.0.113.7", T0 + 3));
        _extractor.EndCapture();
        // Eventing to a LAN subscriber is ordinary; a device notifying the Internet is what CallStranger makes it do.
        var device = Only("192.168.1.1", T0);
        Assert.Equal(1, Value(device, "gena_notify_outside"));
        Assert.Equal("upnp:propchange".Length, Value(device, "gena_max_header"));
        Assert.Equal(callback.Length, Value(Only("192.168.1.66", T0), "gena_max_header"));
    }

    [Fact]
    public void APermanentMappingOfTheRequestersOwnPortIsNotCountedAsPermanentForAnotherHost()
    {
        _extractor.OnEvent(Soap("192.168.0.13", "192.168.0.1", T0, "AddPortMapping", null,
            Arg("NewInternalClient", "192.168.0.13"), Arg("NewInternalPort", "52000"), Arg("NewExternalPort", "52000"), Arg("NewLeaseDuration", "0")));
        _extractor.EndCapture();
        var w = Only("192.168.0.13", T0);
        Assert.Equal(1, Value(w, "mapping_requests"));
        Assert.Equal(0, Value(w, "mapping_permanent_other_host_share"));
    }

    [Fact]
    public void ARetransmittedNatPmpRequestIsNotCountedAgain()
    {
        // RFC 6886 §3.1 retries: the same request at 250 ms, 500 ms, 1 s; then a request for another port.
        foreach (long at in (long[])[0, 250_000, 750_000, 1_750_000])
            _extractor.OnEvent(NatPmpMap("192.168.2.100", "192.168.2.1", T0 + at, 6881, 7200));
        _extractor.OnEvent(NatPmpMap("192.168.2.100", "192.168.2.1", T0 + 2_000_000, 6882, 7200));
        _extractor.OnEvent(NatPmpMap("192.168.2.100", "192.168.2.1", T0 + W, 6881, 7200));
        _extractor.EndCapture();
        var w = Only("192.168.2.100", T0);
        Assert.Equal(2, Value(w, "natpmp_requests"));
        Assert.Equal(2, Value(w, "mapping_requests"));
        // A new window starts afresh.
        Assert.Equal(1, Value(Only("192.168.2.100", T0 + W), "natpmp_requests"));
    }

    [Fact]
    public void HostsBeyondTheCapAreDroppedAndCounted()
    {
        for (int i = 0; i < FeatureExtractor.MaxOpenWindows + 5; i++)
            _extractor.OnEvent(Notify($"10.{i / 65536}.{i / 256 % 256}.{i % 256}", T0, "uuid:x"));
        Assert.Equal(5, _extractor.DroppedEvents);
        _extractor.EndCapture();
        Assert.Equal(FeatureExtractor.MaxOpenWindows, _closed.Count);
    }
}
