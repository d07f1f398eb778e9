namespace Analyzer.Decoding.Ip;

/// <summary>
/// Reads the UDP or TCP header of an IP packet (whole again when it came in fragments) into the packet's
/// <see cref="PacketInfo"/> and its payload, the last decoding step before the protocol analyzers.
/// </summary>
public static class TransportDecoder
{
    /// <summary>
    /// Fills <paramref name="info"/> (addresses and frame always; ports, flags and sequence numbers when the header is
    /// read) and <paramref name="payload"/>; <paramref name="anomalyId"/> names what is wrong when the result is
    /// <see cref="TransportKind.Malformed"/>.
    /// </summary>
    public static TransportKind Decode(in IpPacket ip, ReadOnlySpan<byte> transportBytes, long timestampUs, long frameNumber,
        out PacketInfo info, out ReadOnlySpan<byte> payload, out string? anomalyId)
    {
        anomalyId = null;
        payload = default;
        if (ip.Protocol == (byte)Transport.Udp)
        {
            if (!TransportHeader.TryReadUdp(transportBytes, out var sp, out var dp, out payload))
            {
                info = new PacketInfo { TimestampUs = timestampUs, Src = ip.Src, Dst = ip.Dst, FrameNumber = frameNumber };
                anomalyId = IpAnomalyIds.UdpTruncated;
                return TransportKind.Malformed;
            }
            info = new PacketInfo
            {
                TimestampUs = timestampUs, Src = ip.Src, Dst = ip.Dst, SrcPort = sp, DstPort = dp, Transport = Transport.Udp,
                SrcMac = ip.SrcMac, VlanId = ip.VlanId, FrameNumber = frameNumber,
            };
            return TransportKind.Udp;
        }
        if (ip.Protocol == (byte)Transport.Tcp)
        {
            if (!TransportHeader.TryReadTcp(transportBytes, out var sp, out var dp, out var seq, out var ack, out var flags, out payload))
            {
                info = new PacketInfo { TimestampUs = timestampUs, Src = ip.Src, Dst = ip.Dst, FrameNumber = frameNumber };
                anomalyId = IpAnomalyIds.TcpBadHeader;
                return TransportKind.Malformed;
            }
            info = new PacketInfo
            {
                TimestampUs = timestampUs, Src = ip.Src, Dst = ip.Dst, SrcPort = sp, DstPort = dp, Transport = Transport.Tcp,
                SrcMac = ip.SrcMac, VlanId = ip.VlanId, TcpSeq = seq, TcpAck = ack, TcpFlags = flags, FrameNumber = frameNumber,
            };
            return TransportKind.Tcp;
        }
        info = default;
        return TransportKind.Other;
    }
}
