using System.Net;

namespace Analyzer.Generation.Packets;

/// <summary>
/// One end of a packet: the address on the IP header and the host whose MAC the frame carries. The address need
/// not be the host's own (a spoofed source); a null host means a group address (multicast or broadcast).
/// </summary>
public readonly record struct Endpoint(NetHost? Host, IPAddress Address)
{
    public static Endpoint Group(IPAddress address) => new(null, address);

    public bool IsIpv6 => Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6;

    public override string ToString() => Address.ToString();
}
