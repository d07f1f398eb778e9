using Analyzer.Decoding;

namespace Analyzer.Mapping;

/// <summary>
/// One port-mapping request, IGD SOAP, NAT-PMP and PCP alike: who asked (<see cref="Requester"/>, the packet's
/// source) which gateway (<see cref="Gateway"/>) to forward which external port to which internal client and port,
/// for how long and why. Mapping rules and the mapping ledger read this, never the protocol events.
/// </summary>
public sealed record MappingRequest
{
    public required PacketInfo Packet { get; init; }
    public required MappingMethod Method { get; init; }
    public required MappingAction Action { get; init; }
    /// <summary>The request's own name: AddPortMapping, MapTcpRequest, MapRequest…</summary>
    public required string ActionName { get; init; }
    /// <summary>tcp, udp, all (PCP protocol 0), or the IANA protocol number; empty when not given.</summary>
    public string Transport { get; init; } = "";
    /// <summary>Asked-for external port (NAT-PMP/PCP: a suggestion); the first port of a range.</summary>
    public ushort? ExternalPort { get; init; }
    /// <summary>Last external port of a DeletePortMappingRange.</summary>
    public ushort? ExternalPortEnd { get; init; }
    /// <summary>The internal client as sent (IGD NewInternalClient text: an attack may put a command here).</summary>
    public string? InternalClientText { get; init; }
    /// <summary>The internal client as an address: the IGD text when it is an IP literal, the NAT-PMP sender, the PCP client or THIRD_PARTY.</summary>
    public NetAddress? InternalClient { get; init; }
    public ushort? InternalPort { get; init; }
    /// <summary>Asked-for lease in seconds: IGD 0 means permanent; NAT-PMP/PCP 0 means delete.</summary>
    public uint? LeaseSeconds { get; init; }
    /// <summary>IGD NewPortMappingDescription.</summary>
    public string? Description { get; init; }
    /// <summary>IGD NewRemoteHost, or the PCP PEER remote address and port.</summary>
    public string? RemoteHost { get; init; }
    /// <summary>The PCP THIRD_PARTY option's address.</summary>
    public NetAddress? ThirdParty { get; init; }
    /// <summary>The shortest PCP FILTER prefix length (0 lets every remote peer in).</summary>
    public int? FilterPrefixLength { get; init; }
    /// <summary>PCP mapping nonce.</summary>
    public string? Nonce { get; init; }

    /// <summary>
    /// The request is an exploit vehicle rather than a mapping: an IGD body with a DTD, bad nesting or missing
    /// arguments. The ledger records it; the mapping rules leave it to the exploit rules.
    /// </summary>
    public bool Malformed { get; init; }

    public NetAddress Requester => Packet.Src;
    public NetAddress Gateway => Packet.Dst;

    /// <summary>The request makes or renews a mapping (as opposed to removing one).</summary>
    public bool Creates => Action is MappingAction.Add or MappingAction.AddAny or MappingAction.Peer
        or MappingAction.AddPinhole or MappingAction.UpdatePinhole;

    /// <summary>An IGD WANIPv6FirewallControl pinhole rather than a NAT port mapping.</summary>
    public bool IsPinhole => Action is MappingAction.AddPinhole or MappingAction.UpdatePinhole or MappingAction.DeletePinhole;

    /// <summary>An IGD lease of 0, or a NAT-PMP/PCP lifetime of 2^32-1: the mapping never expires.</summary>
    public bool IsPermanent => Creates && (Method == MappingMethod.Igd ? LeaseSeconds == 0 : LeaseSeconds == uint.MaxValue);

    /// <summary>The same mapping asked again (a retransmission), as opposed to a different request.</summary>
    public bool SameAs(MappingRequest other) =>
        Method == other.Method && Action == other.Action && Transport == other.Transport
        && ExternalPort == other.ExternalPort && InternalPort == other.InternalPort
        && InternalClientText == other.InternalClientText && InternalClient == other.InternalClient
        && LeaseSeconds == other.LeaseSeconds && Description == other.Description && ThirdParty == other.ThirdParty;
}
