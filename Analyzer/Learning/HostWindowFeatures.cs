namespace Analyzer.Learning;

/// <summary>
/// The one feature list of the learned model, in vector order: what a host sent and received in one window of
/// capture time, from the decoded events. Training and scoring both compute it here (through
/// <see cref="FeatureExtractor"/>); docs/model.md lists the same table and a test keeps the two in step. Changing
/// the list means retraining: a model whose metadata names other features is refused at load.
/// </summary>
public static class HostWindowFeatures
{
    private static readonly FeatureDefinition[] Definitions =
    [
        // Activity
        new("events_sent", FeatureScale.Count, "messages the host sent, all protocols", c => c.EventsSent),
        new("events_received", FeatureScale.Count, "messages sent to the host (unicast)", c => c.EventsReceived),
        new("distinct_peers", FeatureScale.Count, "distinct unicast addresses the host sent messages to", c => c.Peers.Count),
        new("distinct_dst_ports", FeatureScale.Count, "distinct destination ports of the host's messages", c => c.DstPorts.Count),
        new("protocols", FeatureScale.Count, "distinct protocols among the host's messages", c => c.Protocols.Count),
        new("outside_peer_share", FeatureScale.Share, "share of the host's unicast messages (either way) whose other end is outside the LAN",
            c => HostWindowCounters.Share(c.OutsidePeerMessages, c.PeerMessages)),
        new("host_outside_lan", FeatureScale.Flag, "the host's address is outside the LAN", c => c.HostOutsideLan ? 1 : 0),
        new("new_host", FeatureScale.Flag, "first window in which the host appears in this capture", c => c.NewHost ? 1 : 0),
        new("decode_anomalies", FeatureScale.Count, "decoder anomalies in packets from the host", c => c.DecodeAnomalies),

        // SSDP
        new("ssdp_msearch", FeatureScale.Count, "SSDP M-SEARCH requests sent", c => c.SsdpMSearch),
        new("ssdp_msearch_unicast", FeatureScale.Count, "M-SEARCH requests sent to a unicast address", c => c.SsdpMSearchUnicast),
        new("ssdp_search_all", FeatureScale.Count, "M-SEARCH requests for ssdp:all or upnp:rootdevice", c => c.SsdpSearchAll),
        new("ssdp_distinct_st", FeatureScale.Count, "distinct search targets (ST) searched for", c => c.SearchTargets.Count),
        new("ssdp_notify", FeatureScale.Count, "NOTIFY advertisements sent (alive and update)", c => c.SsdpNotify),
        new("ssdp_byebye", FeatureScale.Count, "NOTIFY ssdp:byebye sent", c => c.SsdpByebye),
        new("ssdp_responses_sent", FeatureScale.Count, "search responses sent", c => c.SsdpResponsesSent),
        new("ssdp_responses_received", FeatureScale.Count, "search responses received", c => c.SsdpResponsesReceived),
        new("ssdp_distinct_responders", FeatureScale.Count, "distinct hosts that sent search responses to the host", c => c.Responders.Count),
        new("ssdp_response_request_ratio", FeatureScale.Ratio,
            "(1 + bytes of search responses received) / (1 + bytes of M-SEARCH sent); reflection shows as a high ratio",
            c => (1.0 + c.SsdpResponseBytesReceived) / (1.0 + c.SsdpSearchBytesSent)),
        new("ssdp_location_mismatch", FeatureScale.Count, "advertisements whose LOCATION is an address other than the sender's",
            c => c.SsdpLocationMismatch),
        new("ssdp_distinct_uuids", FeatureScale.Count, "distinct device UUIDs (from USN) the host advertised", c => c.Uuids.Count),
        new("identity_changes", FeatureScale.Count, "UUIDs the host advertised for the first time after an earlier window in which it advertised others",
            c => c.IdentityChanges),
        new("ssdp_max_header_line", FeatureScale.Bytes, "longest SSDP header line the host sent", c => c.SsdpMaxHeaderLine),
        new("ssdp_max_length", FeatureScale.Bytes, "longest SSDP datagram the host sent", c => c.SsdpMaxLength),

        // Port mappings (UPnP IGD SOAP, NAT-PMP, PCP)
        new("mapping_requests", FeatureScale.Count, "port mapping requests (AddPortMapping, AddAnyPortMapping, AddPinhole, NAT-PMP map, PCP MAP/PEER)",
            c => c.MappingRequests),
        new("mapping_deletes", FeatureScale.Count, "port mapping deletions (DeletePortMapping[Range], DeletePinhole, lifetime 0)", c => c.MappingDeletes),
        new("mapping_other_host_share", FeatureScale.Share, "share of mapping requests whose internal client is not the requester",
            c => HostWindowCounters.Share(c.MappingOtherHost, c.MappingRequests)),
        new("mapping_outside_client_share", FeatureScale.Share, "share of mapping requests whose internal client is outside the LAN",
            c => HostWindowCounters.Share(c.MappingOutsideClient, c.MappingRequests)),
        new("mapping_sensitive_port_share", FeatureScale.Share, "share of mapping requests for a sensitive internal port (THREATS.md igd-map-sensitive-port)",
            c => HostWindowCounters.Share(c.MappingSensitivePort, c.MappingRequests)),
        new("mapping_permanent_other_host_share", FeatureScale.Share,
            "share of mapping requests with a permanent (SOAP lease 0) or day-long lease whose internal client is not the requester",
            c => HostWindowCounters.Share(c.MappingPermanentOtherHost, c.MappingRequests)),
        new("mapping_mean_lease", FeatureScale.Seconds, "mean finite lease asked for, in seconds",
            c => c.MappingWithLease == 0 ? 0 : c.MappingLeaseSeconds / c.MappingWithLease),
        new("mapping_distinct_external_ports", FeatureScale.Count, "distinct external ports asked for", c => c.MappingExternalPorts.Count),
        new("mapping_failures_received", FeatureScale.Count, "error answers to the host's mapping requests", c => c.MappingFailuresReceived),

        // NAT-PMP and PCP
        new("natpmp_requests", FeatureScale.Count, "NAT-PMP requests sent", c => c.NatPmpRequests),
        new("pcp_requests", FeatureScale.Count, "PCP requests sent", c => c.PcpRequests),
        new("natpmp_pcp_responses_sent", FeatureScale.Count, "NAT-PMP and PCP responses sent (a gateway answering)", c => c.NatPmpPcpResponsesSent),
        new("pcp_third_party", FeatureScale.Count, "PCP requests for another host (THIRD_PARTY option, or client address not the sender)",
            c => c.PcpThirdParty),

        // UPnP SOAP control
        new("soap_requests", FeatureScale.Count, "UPnP control (SOAP) requests sent", c => c.SoapRequests),
        new("soap_distinct_actions", FeatureScale.Count, "distinct SOAP actions requested", c => c.SoapActions.Count),
        new("soap_enumeration", FeatureScale.Count, "GetGenericPortMappingEntry and GetSpecificPortMappingEntry requests", c => c.SoapEnumeration),
        new("soap_faults_received", FeatureScale.Count, "SOAP faults and HTTP errors answered to the host", c => c.SoapFaultsReceived),
        new("soap_max_argument", FeatureScale.Bytes, "longest SOAP argument value the host sent", c => c.SoapMaxArgument),
        new("soap_max_soapaction", FeatureScale.Bytes, "longest SOAPAction header the host sent", c => c.SoapMaxSoapAction),
        new("xml_dtd", FeatureScale.Count, "SOAP or description messages from the host carrying a DOCTYPE or ENTITY", c => c.XmlDtd),

        // GENA, DIAL/Cast, descriptions
        new("gena_subscribe", FeatureScale.Count, "GENA SUBSCRIBE requests sent", c => c.GenaSubscribe),
        new("gena_callback_foreign", FeatureScale.Count, "SUBSCRIBE requests whose CALLBACK names another host than the subscriber",
            c => c.GenaCallbackForeign),
        new("gena_max_header", FeatureScale.Bytes, "longest CALLBACK, SID, NT, NTS, TIMEOUT, STATEVAR or UUID header the host sent in a GENA request",
            c => c.GenaMaxHeader),
        new("gena_notify_outside", FeatureScale.Count, "GENA event NOTIFY messages sent to an address outside the LAN", c => c.GenaNotifyOutside),
        new("dial_cast_requests", FeatureScale.Count, "DIAL and Cast control requests sent", c => c.DialCastRequests),
        new("description_fetches", FeatureScale.Count, "device descriptions the host fetched", c => c.DescriptionFetches),
    ];

    private static readonly string[] FeatureNames = Definitions.Select(d => d.Name).ToArray();

    /// <summary>Every feature, in vector order.</summary>
    public static IReadOnlyList<FeatureDefinition> All => Definitions;

    /// <summary>Feature names in vector order.</summary>
    public static IReadOnlyList<string> Names => FeatureNames;

    public static int Count => Definitions.Length;

    /// <summary>Position of the feature named <paramref name="name"/> in the vector, or -1.</summary>
    public static int IndexOf(string name) => Array.IndexOf(FeatureNames, name);

    /// <summary>Fills the raw values and the model's vector (both of length <see cref="Count"/>).</summary>
    internal static void Compute(HostWindowCounters counters, double[] raw, float[] model)
    {
        for (int i = 0; i < Definitions.Length; i++)
        {
            raw[i] = Definitions[i].Read(counters);
            model[i] = Definitions[i].ToModel(raw[i]);
        }
    }
}
