using System.Buffers.Binary;
using PacketDotNet;

namespace Analyzer.Tests.Generation;

/// <summary>
/// A frame taken apart by hand (not by PacketDotNet, which built it), so that tests check the generator against
/// the wire formats themselves: link header, IPv4/IPv6 header, UDP/TCP header and payload.
/// </summary>
internal sealed record WireFrame(int IpVersion, byte[] Source, byte[] Destination, byte Protocol, byte[] Ip, int IpHeaderLength,
    byte[] Transport, ushort? VlanId, ushort EtherType)
{
    public static WireFrame? Parse(byte[] frame, LinkLayers link)
    {
        int offset;
        ushort etherType;
        ushort? vlan = null;
        if (link == LinkLayers.LinuxSll)
        {
            etherType = BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(14));
            offset = 16;
        }
        else
        {
            etherType = BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(12));
            offset = 14;
            if (etherType == 0x8100)
            {
                vlan = (ushort)(BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(14)) & 0x0FFF);
                etherType = BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(16));
                offset = 18;
            }
        }
        if (etherType == 0x0800)
        {
            int headerLength = (frame[offset] & 0x0F) * 4;
            int total = BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(offset + 2));
            var ip = frame.AsSpan(offset, total).ToArray();
            return new WireFrame(4, ip[12..16], ip[16..20], ip[9], ip, headerLength, ip[headerLength..], vlan, etherType);
        }
        if (etherType == 0x86DD)
        {
            int payload = BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(offset + 4));
            var ip = frame.AsSpan(offset, 40 + payload).ToArray();
            return new WireFrame(6, ip[8..24], ip[24..40], ip[6], ip, 40, ip[40..], vlan, etherType);
        }
        return null;
    }

    public ushort SourcePort => BinaryPrimitives.ReadUInt16BigEndian(Transport);
    public ushort DestinationPort => BinaryPrimitives.ReadUInt16BigEndian(Transport.AsSpan(2));
    public uint TcpSeq => BinaryPrimitives.ReadUInt32BigEndian(Transport.AsSpan(4));
    public uint TcpAck => BinaryPrimitives.ReadUInt32BigEndian(Transport.AsSpan(8));
    public byte TcpFlags => Transport[13];
    public int TcpHeaderLength => (Transport[12] >> 4) * 4;

    public byte[] Payload => Protocol == 6 ? Transport[TcpHeaderLength..] : Transport[8..];

    /// <summary>RFC 1071 one's-complement sum over the pseudo-header and transport bytes: 0xFFFF when the checksum is right.</summary>
    public bool TransportChecksumValid()
    {
        uint sum = 0;
        void Add(ReadOnlySpan<byte> bytes)
        {
            for (int i = 0; i + 1 < bytes.Length; i += 2) sum += BinaryPrimitives.ReadUInt16BigEndian(bytes[i..]);
            if (bytes.Length % 2 == 1) sum += (uint)(bytes[^1] << 8);
        }
        Add(Source);
        Add(Destination);
        sum += Protocol;
        sum += (uint)Transport.Length;
        Add(Transport);
        while (sum > 0xFFFF) sum = (sum & 0xFFFF) + (sum >> 16);
        return sum == 0xFFFF;
    }

    public bool IpChecksumValid()
    {
        if (IpVersion == 6) return true;
        uint sum = 0;
        for (int i = 0; i < IpHeaderLength; i += 2) sum += BinaryPrimitives.ReadUInt16BigEndian(Ip.AsSpan(i));
        while (sum > 0xFFFF) sum = (sum & 0xFFFF) + (sum >> 16);
        return sum == 0xFFFF;
    }
}
