namespace Analyzer.Packets;

/// <summary>
/// Where a decoded message came from: capture time, addresses, ports and (for TCP) the segment's sequence state.
/// A value type so that the fast path builds it on the stack; analyzers copy it into the events they emit.
/// </summary>
public readonly record struct PacketInfo
{
    /// <summary>Capture time in microseconds since the Unix epoch, UTC.</summary>
    public long TimestampUs { get; init; }
    public NetAddress Src { get; init; }
    public NetAddress Dst { get; init; }
    public ushort SrcPort { get; init; }
    public ushort DstPort { get; init; }
    public Transport Transport { get; init; }
    /// <summary>Source MAC address in the low 48 bits, 0 when the link layer has none.</summary>
    public ulong SrcMac { get; init; }
    /// <summary>Outermost 802.1Q VLAN id, 0 when untagged.</summary>
    public ushort VlanId { get; init; }
    public uint TcpSeq { get; init; }
    public uint TcpAck { get; init; }
    public TcpFlags TcpFlags { get; init; }
    /// <summary>Index of the packet in its capture, counted from 1 (as Wireshark numbers frames).</summary>
    public long FrameNumber { get; init; }

    /// <summary>The same packet seen from the other direction, for replies built by analyzers and tests.</summary>
    public PacketInfo Reversed() => this with { Src = Dst, Dst = Src, SrcPort = DstPort, DstPort = SrcPort, TcpSeq = TcpAck, TcpAck = TcpSeq };
}
