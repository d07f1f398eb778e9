using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace Analyzer.Generation.Packets;

/// <summary>Destination MACs of group addresses (RFC 1112 §6.4 for IPv4, RFC 2464 §7 for IPv6).</summary>
internal static class MulticastMac
{
    public static readonly PhysicalAddress Broadcast = new([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]);

    public static PhysicalAddress For(IPAddress group)
    {
        byte[] ip = group.GetAddressBytes();
        if (group.AddressFamily == AddressFamily.InterNetworkV6)
            return new PhysicalAddress([0x33, 0x33, ip[12], ip[13], ip[14], ip[15]]);
        if (group.Equals(IPAddress.Broadcast) || ip[3] == 255 && (ip[0] & 0xF0) != 0xE0)
            return Broadcast;
        return new PhysicalAddress([0x01, 0x00, 0x5E, (byte)(ip[1] & 0x7F), ip[2], ip[3]]);
    }
}
