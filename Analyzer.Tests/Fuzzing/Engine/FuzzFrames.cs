using System.Buffers.Binary;
using Analyzer.Decoding;

namespace Analyzer.Tests.Fuzzing;

/// <summary>
/// Ethernet/IP frames around fuzzed payloads, so that every failing case can be written as a pcap. A mix of IPv4 and
/// IPv6 addresses gives an IPv6 frame (the one IPv4 endpoint is then written as an IPv4-mapped address).
/// </summary>
public static class FuzzFrames
{
    private const int EthernetLength = 14;
    private const int Ipv4Length = 20;

    public static readonly NetAddress[] Addresses =
    [
        NetAddress.Parse("192.168.1.1"), NetAddress.Parse("192.168.1.20"), NetAddress.Parse("192.168.1.77"),
        NetAddress.Parse("203.0.113.9"), NetAddress.Parse("239.255.255.250"), NetAddress.Parse("10.0.0.5"),
        NetAddress.Parse("fe80::1"), NetAddress.Parse("ff02::c"), NetAddress.Parse("2001:db8::7"),
    ];

    /// <summary>Two addresses of one family (a real packet never mixes them), possibly equal.</summary>
    public static (NetAddress A, NetAddress B) PickPair(Random rng)
    {
        var a = Addresses[rng.Next(Addresses.Length)];
        var family = Addresses.Where(x => x.IsV6 == a.IsV6).ToArray();
        return (a, family[rng.Next(family.Length)]);
    }

    public static byte[] Udp(NetAddress src, NetAddress dst, ushort srcPort, ushort dstPort, ReadOnlySpan<byte> payload)
    {
        var frame = IpFrame(src, dst, 17, 8 + payload.Length, out int at);
        var udp = frame.AsSpan(at);
        BinaryPrimitives.WriteUInt16BigEndian(udp, srcPort);
        BinaryPrimitives.WriteUInt16BigEndian(udp[2..], dstPort);
        BinaryPrimitives.WriteUInt16BigEndian(udp[4..], (ushort)Math.Min(ushort.MaxValue, 8 + payload.Length));
        payload.CopyTo(udp[8..]);
        return frame;
    }

    public static byte[] Tcp(in PacketInfo p, ReadOnlySpan<byte> payload)
    {
        var frame = IpFrame(p.Src, p.Dst, 6, 20 + payload.Length, out int at);
        var tcp = frame.AsSpan(at);
        BinaryPrimitives.WriteUInt16BigEndian(tcp, p.SrcPort);
        BinaryPrimitives.WriteUInt16BigEndian(tcp[2..], p.DstPort);
        BinaryPrimitives.WriteUInt32BigEndian(tcp[4..], p.TcpSeq);
        BinaryPrimitives.WriteUInt32BigEndian(tcp[8..], p.TcpAck);
        tcp[12] = 5 << 4;
        tcp[13] = (byte)p.TcpFlags;
        BinaryPrimitives.WriteUInt16BigEndian(tcp[14..], 65535);
        payload.CopyTo(tcp[20..]);
        return frame;
    }

    private static byte[] IpFrame(NetAddress src, NetAddress dst, byte protocol, int transportLength, out int transportAt)
    {
        if (src.IsV6 || dst.IsV6)
        {
            transportAt = EthernetLength + Ipv6Length;
            return Ipv6Frame(src, dst, protocol, transportLength);
        }
        transportAt = EthernetLength + Ipv4Length;
        var frame = new byte[EthernetLength + Ipv4Length + transportLength];
        frame[0] = 0x02; frame[6] = 0x02; frame[11] = 1;
        frame[12] = 0x08;
        var ip = frame.AsSpan(EthernetLength);
        ip[0] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(ip[2..], (ushort)Math.Min(ushort.MaxValue, Ipv4Length + transportLength));
        ip[8] = 64;
        ip[9] = protocol;
        Write4(src, ip[12..]);
        Write4(dst, ip[16..]);
        return frame;
    }

    private const int Ipv6Length = 40;

    private static byte[] Ipv6Frame(NetAddress src, NetAddress dst, byte protocol, int transportLength)
    {
        var frame = new byte[EthernetLength + Ipv6Length + transportLength];
        frame[0] = 0x02; frame[6] = 0x02; frame[11] = 1;
        frame[12] = 0x86; frame[13] = 0xDD;
        var ip = frame.AsSpan(EthernetLength);
        ip[0] = 0x60;
        BinaryPrimitives.WriteUInt16BigEndian(ip[4..], (ushort)Math.Min(ushort.MaxValue, transportLength));
        ip[6] = protocol;
        ip[7] = 64;
        src.ToIPAddress().MapToIPv6().GetAddressBytes().CopyTo(ip[8..]);
        dst.ToIPAddress().MapToIPv6().GetAddressBytes().CopyTo(ip[24..]);
        return frame;
    }

    private static void Write4(NetAddress address, Span<byte> into) => BinaryPrimitives.WriteUInt32BigEndian(into, address.V4);
}
