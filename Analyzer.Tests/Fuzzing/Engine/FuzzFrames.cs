using System.Buffers.Binary;
using Analyzer.Decoding;

namespace Analyzer.Tests.Fuzzing;

/// <summary>Ethernet/IPv4 frames around fuzzed payloads, so that every failing case can be written as a pcap.</summary>
public static class FuzzFrames
{
    private const int EthernetLength = 14;
    private const int Ipv4Length = 20;

    public static readonly NetAddress[] Addresses =
    [
        NetAddress.Parse("192.168.1.1"), NetAddress.Parse("192.168.1.20"), NetAddress.Parse("192.168.1.77"),
        NetAddress.Parse("203.0.113.9"), NetAddress.Parse("239.255.255.250"), NetAddress.Parse("10.0.0.5"),
    ];

    public static byte[] Udp(NetAddress src, NetAddress dst, ushort srcPort, ushort dstPort, ReadOnlySpan<byte> payload)
    {
        var frame = Ipv4Frame(src, dst, 17, 8 + payload.Length);
        var udp = frame.AsSpan(EthernetLength + Ipv4Length);
        BinaryPrimitives.WriteUInt16BigEndian(udp, srcPort);
        BinaryPrimitives.WriteUInt16BigEndian(udp[2..], dstPort);
        BinaryPrimitives.WriteUInt16BigEndian(udp[4..], (ushort)Math.Min(ushort.MaxValue, 8 + payload.Length));
        payload.CopyTo(udp[8..]);
        return frame;
    }

    public static byte[] Tcp(in PacketInfo p, ReadOnlySpan<byte> payload)
    {
        var frame = Ipv4Frame(p.Src, p.Dst, 6, 20 + payload.Length);
        var tcp = frame.AsSpan(EthernetLength + Ipv4Length);
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

    private static byte[] Ipv4Frame(NetAddress src, NetAddress dst, byte protocol, int transportLength)
    {
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

    private static void Write4(NetAddress address, Span<byte> into) => BinaryPrimitives.WriteUInt32BigEndian(into, address.V4);
}
