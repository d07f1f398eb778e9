using System.Buffers.Binary;

namespace Analyzer.Decoding.Ip;

/// <summary>
/// Reads UDP (RFC 768) and TCP (RFC 9293) headers.
/// <code>
///  UDP: 0-1 src port | 2-3 dst port | 4-5 length | 6-7 checksum
///  TCP: 0-1 src port | 2-3 dst port | 4-7 seq | 8-11 ack | 12 data offset(4 bits) | 13 flags | 14-15 window …
/// </code>
/// </summary>
public static class TransportHeader
{
    public const int UdpHeaderLength = 8;
    public const int TcpMinHeaderLength = 20;

    public static bool TryReadUdp(ReadOnlySpan<byte> segment, out ushort srcPort, out ushort dstPort, out ReadOnlySpan<byte> payload)
    {
        srcPort = dstPort = 0;
        payload = default;
        if (segment.Length < UdpHeaderLength) return false;
        srcPort = BinaryPrimitives.ReadUInt16BigEndian(segment);
        dstPort = BinaryPrimitives.ReadUInt16BigEndian(segment[2..]);
        int length = BinaryPrimitives.ReadUInt16BigEndian(segment[4..]);
        // Length 0 is legal for jumbograms; a length beyond the bytes captured means snaplen cut it.
        int end = length >= UdpHeaderLength ? Math.Min(length, segment.Length) : segment.Length;
        payload = segment[UdpHeaderLength..end];
        return length == 0 || length >= UdpHeaderLength;
    }

    public static bool TryReadTcp(ReadOnlySpan<byte> segment, out ushort srcPort, out ushort dstPort, out uint seq,
        out uint ack, out TcpFlags flags, out ReadOnlySpan<byte> payload)
    {
        srcPort = dstPort = 0;
        seq = ack = 0;
        flags = TcpFlags.None;
        payload = default;
        if (segment.Length < TcpMinHeaderLength) return false;
        int headerLength = (segment[12] >> 4) * 4;
        if (headerLength < TcpMinHeaderLength || headerLength > segment.Length) return false;
        srcPort = BinaryPrimitives.ReadUInt16BigEndian(segment);
        dstPort = BinaryPrimitives.ReadUInt16BigEndian(segment[2..]);
        seq = BinaryPrimitives.ReadUInt32BigEndian(segment[4..]);
        ack = BinaryPrimitives.ReadUInt32BigEndian(segment[8..]);
        flags = (TcpFlags)(segment[13] & 0x3F);
        payload = segment[headerLength..];
        return true;
    }
}
