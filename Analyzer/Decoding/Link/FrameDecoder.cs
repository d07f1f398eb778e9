using System.Buffers.Binary;
using Analyzer.Decoding.Ip;

namespace Analyzer.Decoding.Link;

/// <summary>
/// Finds the IP packet in a captured frame from its header bytes alone, without allocating: Ethernet with any
/// number of 802.1Q/802.1ad tags (up to a cap), Linux cooked v1/v2, raw IP, BSD loopback. IPv6 extension headers
/// are walked to the transport header. Frames that carry no IP (ARP, LLDP…) return <see cref="FrameResult.NotIp"/>.
/// </summary>
public static class FrameDecoder
{
    public static FrameResult Decode(LinkType linkType, ReadOnlySpan<byte> frame, out IpPacket ip, out string? anomalyId)
    {
        ip = default;
        anomalyId = null;
        ReadOnlySpan<byte> l3;
        ushort etherType;
        switch (linkType)
        {
            case LinkType.Ethernet:
            {
                if (frame.Length < LinkFields.EthernetHeaderLength) return Bad(LinkAnomalyIds.Truncated, out anomalyId);
                ip.SrcMac = ReadMac(frame[LinkFields.EthernetSourceOffset..]);
                int typeAt = LinkFields.EthernetTypeOffset;
                etherType = BinaryPrimitives.ReadUInt16BigEndian(frame[typeAt..]);
                int tags = 0;
                while (etherType is LinkFields.EtherTypeVlan or LinkFields.EtherTypeQinQ or LinkFields.EtherTypeQinQOld)
                {
                    if (++tags > LinkFields.MaxVlanTags) return Bad(LinkAnomalyIds.TooManyVlanTags, out anomalyId);
                    if (frame.Length < typeAt + 2 + LinkFields.VlanTagLength) return Bad(LinkAnomalyIds.Truncated, out anomalyId);
                    if (tags == 1) ip.VlanId = (ushort)(BinaryPrimitives.ReadUInt16BigEndian(frame[(typeAt + 2)..]) & 0x0FFF);
                    typeAt += LinkFields.VlanTagLength;
                    etherType = BinaryPrimitives.ReadUInt16BigEndian(frame[typeAt..]);
                }
                l3 = frame[(typeAt + 2)..];
                break;
            }
            case LinkType.LinuxSll:
            {
                if (frame.Length < LinkFields.SllHeaderLength) return Bad(LinkAnomalyIds.Truncated, out anomalyId);
                if (BinaryPrimitives.ReadUInt16BigEndian(frame[LinkFields.SllAddressLengthOffset..]) == 6)
                    ip.SrcMac = ReadMac(frame[LinkFields.SllAddressOffset..]);
                etherType = BinaryPrimitives.ReadUInt16BigEndian(frame[LinkFields.SllProtocolOffset..]);
                l3 = frame[LinkFields.SllHeaderLength..];
                break;
            }
            case LinkType.LinuxSll2:
            {
                if (frame.Length < LinkFields.Sll2HeaderLength) return Bad(LinkAnomalyIds.Truncated, out anomalyId);
                if (frame[LinkFields.Sll2AddressLengthOffset] == 6)
                    ip.SrcMac = ReadMac(frame[LinkFields.Sll2AddressOffset..]);
                etherType = BinaryPrimitives.ReadUInt16BigEndian(frame[LinkFields.Sll2ProtocolOffset..]);
                l3 = frame[LinkFields.Sll2HeaderLength..];
                break;
            }
            case LinkType.Null or LinkType.Loop:
            {
                if (frame.Length < LinkFields.NullHeaderLength) return Bad(LinkAnomalyIds.Truncated, out anomalyId);
                // DLT_NULL stores the family in the capturing host's byte order; accept either order.
                uint family = BinaryPrimitives.ReadUInt32LittleEndian(frame);
                if (family > 0xFFFF) family = BinaryPrimitives.ReadUInt32BigEndian(frame);
                l3 = frame[LinkFields.NullHeaderLength..];
                // AF_INET is 2 everywhere; AF_INET6 is 10 (Linux), 24 (NetBSD/OpenBSD), 28 (FreeBSD), 30 (macOS).
                etherType = family switch
                {
                    2 => LinkFields.EtherTypeIpv4,
                    10 or 24 or 28 or 30 => LinkFields.EtherTypeIpv6,
                    _ => 0,
                };
                break;
            }
            case LinkType.Raw or LinkType.RawBsd or LinkType.RawBsdAlt or LinkType.Ipv4 or LinkType.Ipv6:
            {
                if (frame.IsEmpty) return Bad(LinkAnomalyIds.Truncated, out anomalyId);
                etherType = (frame[0] >> 4) switch { 4 => LinkFields.EtherTypeIpv4, 6 => LinkFields.EtherTypeIpv6, _ => 0 };
                l3 = frame;
                break;
            }
            default:
                return FrameResult.UnsupportedLink;
        }

        return etherType switch
        {
            LinkFields.EtherTypeIpv4 => DecodeIpv4(l3, ref ip, out anomalyId),
            LinkFields.EtherTypeIpv6 => DecodeIpv6(l3, ref ip, out anomalyId),
            _ => FrameResult.NotIp,
        };
    }

    private static FrameResult DecodeIpv4(ReadOnlySpan<byte> p, ref IpPacket ip, out string? anomalyId)
    {
        anomalyId = null;
        if (p.Length < IpFields.V4MinHeaderLength) return Bad(IpAnomalyIds.V4Truncated, out anomalyId);
        if (p[0] >> 4 != 4) return Bad(IpAnomalyIds.V4BadVersion, out anomalyId);
        int headerLength = (p[0] & 0x0F) * 4;
        int totalLength = BinaryPrimitives.ReadUInt16BigEndian(p[IpFields.V4TotalLengthOffset..]);
        if (headerLength < IpFields.V4MinHeaderLength || totalLength < headerLength)
            return Bad(IpAnomalyIds.V4BadHeaderLength, out anomalyId);
        // Snap length may cut the packet; TSO captures may show total length 0, handled by the check above.
        int available = Math.Min(totalLength, p.Length);
        if (available < headerLength) return Bad(IpAnomalyIds.V4Truncated, out anomalyId);
        ip.Src = NetAddress.FromV4(p.Slice(IpFields.V4SourceOffset, 4));
        ip.Dst = NetAddress.FromV4(p.Slice(IpFields.V4DestinationOffset, 4));
        ip.Protocol = p[IpFields.V4ProtocolOffset];
        ushort fragment = BinaryPrimitives.ReadUInt16BigEndian(p[IpFields.V4FragmentOffset..]);
        ip.MoreFragments = (fragment & 0x2000) != 0;
        ip.FragmentOffset = (fragment & 0x1FFF) * 8;
        ip.IsFragment = ip.MoreFragments || ip.FragmentOffset != 0;
        ip.FragmentId = BinaryPrimitives.ReadUInt16BigEndian(p[IpFields.V4IdOffset..]);
        ip.Payload = p[headerLength..available];
        return FrameResult.Ip;
    }

    private static FrameResult DecodeIpv6(ReadOnlySpan<byte> p, ref IpPacket ip, out string? anomalyId)
    {
        anomalyId = null;
        if (p.Length < IpFields.V6HeaderLength) return Bad(IpAnomalyIds.V6Truncated, out anomalyId);
        if (p[0] >> 4 != 6) return Bad(IpAnomalyIds.V6BadVersion, out anomalyId);
        int payloadLength = BinaryPrimitives.ReadUInt16BigEndian(p[IpFields.V6PayloadLengthOffset..]);
        ip.Src = NetAddress.FromV6(p.Slice(IpFields.V6SourceOffset, 16));
        ip.Dst = NetAddress.FromV6(p.Slice(IpFields.V6DestinationOffset, 16));
        // A zero payload length means a jumbogram (RFC 2675) or a TSO capture: take what was captured.
        int end = payloadLength == 0 ? p.Length : Math.Min(p.Length, IpFields.V6HeaderLength + payloadLength);
        var rest = p[IpFields.V6HeaderLength..end];
        byte next = p[IpFields.V6NextHeaderOffset];
        for (int i = 0; ; i++)
        {
            if (i > IpFields.MaxExtensionHeaders) return Bad(IpAnomalyIds.V6TooManyExtensionHeaders, out anomalyId);
            switch (next)
            {
                case IpFields.HopByHop or IpFields.Routing or IpFields.DestinationOptions or IpFields.Mobility:
                {
                    if (rest.Length < 8) return Bad(IpAnomalyIds.V6TruncatedExtensionHeader, out anomalyId);
                    int len = (rest[1] + 1) * 8;
                    if (rest.Length < len) return Bad(IpAnomalyIds.V6TruncatedExtensionHeader, out anomalyId);
                    next = rest[0];
                    rest = rest[len..];
                    continue;
                }
                case IpFields.Ah:
                {
                    if (rest.Length < 8) return Bad(IpAnomalyIds.V6TruncatedExtensionHeader, out anomalyId);
                    int len = (rest[1] + 2) * 4;
                    if (rest.Length < len) return Bad(IpAnomalyIds.V6TruncatedExtensionHeader, out anomalyId);
                    next = rest[0];
                    rest = rest[len..];
                    continue;
                }
                case IpFields.Fragment:
                {
                    if (rest.Length < 8) return Bad(IpAnomalyIds.V6TruncatedExtensionHeader, out anomalyId);
                    ushort offsetFlags = BinaryPrimitives.ReadUInt16BigEndian(rest[2..]);
                    ip.FragmentOffset = offsetFlags & 0xFFF8;
                    ip.MoreFragments = (offsetFlags & 1) != 0;
                    ip.IsFragment = ip.MoreFragments || ip.FragmentOffset != 0;
                    ip.FragmentId = BinaryPrimitives.ReadUInt32BigEndian(rest[4..]);
                    next = rest[0];
                    rest = rest[8..];
                    // Later fragments carry no further headers: what follows is data of the upper layer.
                    if (ip.FragmentOffset != 0) { ip.Protocol = next; ip.Payload = rest; return FrameResult.Ip; }
                    continue;
                }
                default:
                    ip.Protocol = next;
                    ip.Payload = rest;
                    return FrameResult.Ip;
            }
        }
    }

    private static ulong ReadMac(ReadOnlySpan<byte> six) =>
        (ulong)BinaryPrimitives.ReadUInt32BigEndian(six) << 16 | BinaryPrimitives.ReadUInt16BigEndian(six[4..]);

    private static FrameResult Bad(string id, out string? anomalyId)
    {
        anomalyId = id;
        return FrameResult.Malformed;
    }
}
