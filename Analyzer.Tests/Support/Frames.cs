using System.Buffers.Binary;
using System.Net;

namespace Analyzer.Tests.Support;

/// <summary>Hand-built frames for link-layer and IP tests: every byte is visible in the test.</summary>
public static class Frames
{
    public static readonly byte[] SrcMac = [0x00, 0x11, 0x22, 0x33, 0x44, 0x55];
    public static readonly byte[] DstMac = [0x01, 0x00, 0x5E, 0x7F, 0xFF, 0xFA];

    public static byte[] Udp(ushort srcPort, ushort dstPort, byte[] payload)
    {
        var udp = new byte[8 + payload.Length];
        BinaryPrimitives.WriteUInt16BigEndian(udp, srcPort);
        BinaryPrimitives.WriteUInt16BigEndian(udp.AsSpan(2), dstPort);
        BinaryPrimitives.WriteUInt16BigEndian(udp.AsSpan(4), (ushort)udp.Length);
        payload.CopyTo(udp, 8);
        return udp;
    }

    public static byte[] Tcp(ushort srcPort, ushort dstPort, uint seq, uint ack, byte flags, byte[] payload)
    {
        var tcp = new byte[20 + payload.Length];
        BinaryPrimitives.WriteUInt16BigEndian(tcp, srcPort);
        BinaryPrimitives.WriteUInt16BigEndian(tcp.AsSpan(2), dstPort);
        BinaryPrimitives.WriteUInt32BigEndian(tcp.AsSpan(4), seq);
        BinaryPrimitives.WriteUInt32BigEndian(tcp.AsSpan(8), ack);
        tcp[12] = 5 << 4;
        tcp[13] = flags;
        BinaryPrimitives.WriteUInt16BigEndian(tcp.AsSpan(14), 65535);
        payload.CopyTo(tcp, 20);
        return tcp;
    }

    public static byte[] Ipv4(string src, string dst, byte protocol, byte[] payload, ushort id = 1, int fragmentOffset = 0, bool moreFragments = false)
    {
        var ip = new byte[20 + payload.Length];
        ip[0] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(ip.AsSpan(2), (ushort)ip.Length);
        BinaryPrimitives.WriteUInt16BigEndian(ip.AsSpan(4), id);
        BinaryPrimitives.WriteUInt16BigEndian(ip.AsSpan(6), (ushort)((moreFragments ? 0x2000 : 0) | fragmentOffset / 8));
        ip[8] = 64;
        ip[9] = protocol;
        IPAddress.Parse(src).GetAddressBytes().CopyTo(ip, 12);
        IPAddress.Parse(dst).GetAddressBytes().CopyTo(ip, 16);
        payload.CopyTo(ip, 20);
        return ip;
    }

    /// <summary>IPv6 with optional extension headers given as (type, bytes) already padded to 8-byte units.</summary>
    public static byte[] Ipv6(string src, string dst, byte protocol, byte[] payload, params (byte Type, byte[] Bytes)[] extensions)
    {
        var chain = new List<byte>();
        byte first = extensions.Length > 0 ? extensions[0].Type : protocol;
        for (int i = 0; i < extensions.Length; i++)
        {
            var ext = (byte[])extensions[i].Bytes.Clone();
            ext[0] = i + 1 < extensions.Length ? extensions[i + 1].Type : protocol;
            chain.AddRange(ext);
        }
        chain.AddRange(payload);
        var ip = new byte[40 + chain.Count];
        ip[0] = 0x60;
        BinaryPrimitives.WriteUInt16BigEndian(ip.AsSpan(4), (ushort)chain.Count);
        ip[6] = first;
        ip[7] = 64;
        IPAddress.Parse(src).GetAddressBytes().CopyTo(ip, 8);
        IPAddress.Parse(dst).GetAddressBytes().CopyTo(ip, 24);
        chain.ToArray().CopyTo(ip, 40);
        return ip;
    }

    public static byte[] Ethernet(ushort etherType, byte[] payload, params ushort[] vlanTags)
    {
        var frame = new List<byte>();
        frame.AddRange(DstMac);
        frame.AddRange(SrcMac);
        for (int i = 0; i < vlanTags.Length; i++)
        {
            ushort tpid = i == 0 && vlanTags.Length > 1 ? (ushort)0x88A8 : (ushort)0x8100;
            frame.AddRange([(byte)(tpid >> 8), (byte)tpid, (byte)(vlanTags[i] >> 8), (byte)vlanTags[i]]);
        }
        frame.AddRange([(byte)(etherType >> 8), (byte)etherType]);
        frame.AddRange(payload);
        return [.. frame];
    }

    public static byte[] LinuxSll(ushort protocol, byte[] payload)
    {
        var header = new byte[16];
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(2), 1);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(4), 6);
        SrcMac.CopyTo(header, 6);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(14), protocol);
        return [.. header, .. payload];
    }

    public static byte[] LinuxSll2(ushort protocol, byte[] payload)
    {
        var header = new byte[20];
        BinaryPrimitives.WriteUInt16BigEndian(header, protocol);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), 2);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(8), 1);
        header[11] = 6;
        SrcMac.CopyTo(header, 12);
        return [.. header, .. payload];
    }

    public static byte[] Null(uint family, byte[] payload, bool bigEndian = false)
    {
        var header = new byte[4];
        if (bigEndian) BinaryPrimitives.WriteUInt32BigEndian(header, family);
        else BinaryPrimitives.WriteUInt32LittleEndian(header, family);
        return [.. header, .. payload];
    }
}
