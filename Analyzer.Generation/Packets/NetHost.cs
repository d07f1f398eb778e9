using System.Net;
using System.Net.NetworkInformation;

namespace Analyzer.Generation.Packets;

/// <summary>
/// A machine that sends or receives frames. Hosts on the Internet all carry the ISP gateway's MAC, since that is
/// the only MAC a frame from them shows on the router's WAN link.
/// </summary>
/// <param name="Ttl">The TTL (IPv4) or hop limit (IPv6) its packets show where the capture sees them.</param>
public sealed record NetHost(string Name, PhysicalAddress Mac, IPAddress Ipv4, IPAddress? Ipv6, byte Ttl, NetSegment Segment)
{
    public Endpoint V4 => new(this, Ipv4);

    /// <summary>The host's IPv6 address; hosts without one throw, which is a scenario bug.</summary>
    public Endpoint V6 => new(this, Ipv6 ?? throw new InvalidOperationException($"{Name} has no IPv6 address"));

    public Endpoint On(bool ipv6) => ipv6 ? V6 : V4;

    public override string ToString() => $"{Name} {Ipv4}";
}
