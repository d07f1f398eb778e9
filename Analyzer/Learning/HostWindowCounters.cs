namespace Analyzer.Learning;

/// <summary>
/// What one host did (and had done to it) in one time window, as raw tallies. <see cref="HostWindowFeatures"/> turns
/// them into the feature vector; <see cref="EventTally"/> fills them from events. Reused from window to window.
/// </summary>
internal sealed class HostWindowCounters
{
    // Activity
    public int EventsSent;
    public int EventsReceived;
    public int DecodeAnomalies;
    public int PeerMessages;
    public int OutsidePeerMessages;
    public bool HostOutsideLan;
    public bool NewHost;
    public readonly DistinctSet Peers = new();
    public readonly DistinctSet DstPorts = new();
    public readonly DistinctSet Protocols = new();

    // SSDP
    public int SsdpMSearch;
    public int SsdpMSearchUnicast;
    public int SsdpSearchAll;
    public int SsdpNotify;
    public int SsdpByebye;
    public int SsdpResponsesSent;
    public int SsdpResponsesReceived;
    public int SsdpLocationMismatch;
    public int SsdpMaxHeaderLine;
    public int SsdpMaxLength;
    public int IdentityChanges;
    public long SsdpSearchBytesSent;
    public long SsdpResponseBytesReceived;
    public readonly DistinctSet SearchTargets = new();
    public readonly DistinctSet Responders = new();
    public readonly DistinctSet Uuids = new();

    // Port mappings, whatever the protocol (UPnP IGD SOAP, NAT-PMP, PCP)
    public int MappingRequests;
    public int MappingDeletes;
    public int MappingOtherHost;
    public int MappingOutsideClient;
    public int MappingSensitivePort;
    public int MappingPermanent;
    public int MappingPermanentOtherHost;
    public int MappingWithLease;
    public double MappingLeaseSeconds;
    public int MappingFailuresReceived;
    public readonly DistinctSet MappingExternalPorts = new();
    /// <summary>NAT-PMP requests seen in the window, to tell a retransmission from a new request.</summary>
    public readonly DistinctSet NatPmpRequestKeys = new();

    // NAT-PMP and PCP
    public int NatPmpRequests;
    public int PcpRequests;
    public int NatPmpPcpResponsesSent;
    public int PcpThirdParty;

    // UPnP SOAP control
    public int SoapRequests;
    public int SoapEnumeration;
    public int SoapFaultsReceived;
    public int SoapMaxArgument;
    public int SoapMaxSoapAction;
    public int XmlDtd;
    public readonly DistinctSet SoapActions = new();

    // GENA, DIAL/Cast, descriptions
    public int GenaSubscribe;
    public int GenaCallbackForeign;
    public int GenaMaxHeader;
    public int GenaNotifyOutside;
    public int DialCastRequests;
    public int DescriptionFetches;

    public void Reset()
    {
        EventsSent = EventsReceived = DecodeAnomalies = PeerMessages = OutsidePeerMessages = 0;
        HostOutsideLan = NewHost = false;
        SsdpMSearch = SsdpMSearchUnicast = SsdpSearchAll = SsdpNotify = SsdpByebye = 0;
        SsdpResponsesSent = SsdpResponsesReceived = SsdpLocationMismatch = SsdpMaxHeaderLine = SsdpMaxLength = 0;
        IdentityChanges = 0;
        SsdpSearchBytesSent = SsdpResponseBytesReceived = 0;
        MappingRequests = MappingDeletes = MappingOtherHost = MappingOutsideClient = MappingSensitivePort = 0;
        MappingPermanent = MappingPermanentOtherHost = MappingWithLease = MappingFailuresReceived = 0;
        MappingLeaseSeconds = 0;
        NatPmpRequests = PcpRequests = NatPmpPcpResponsesSent = PcpThirdParty = 0;
        SoapRequests = SoapEnumeration = SoapFaultsReceived = SoapMaxArgument = SoapMaxSoapAction = XmlDtd = 0;
        GenaSubscribe = GenaCallbackForeign = GenaMaxHeader = GenaNotifyOutside = DialCastRequests = DescriptionFetches = 0;
        foreach (var set in (DistinctSet[])[Peers, DstPorts, Protocols, SearchTargets, Responders, Uuids, MappingExternalPorts, NatPmpRequestKeys, SoapActions])
            set.Clear();
    }

    /// <summary>Share of <paramref name="part"/> in <paramref name="whole"/>, 0 when there is no whole.</summary>
    public static double Share(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}
