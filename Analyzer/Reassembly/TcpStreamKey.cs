using Analyzer.Decoding;

namespace Analyzer.Reassembly;

/// <summary>
/// The connection 4-tuple with its endpoints in a fixed order (lower address and port first), so that both
/// directions of a connection find the same entry. A value type compared field by field: looking it up allocates
/// nothing.
/// </summary>
public readonly record struct TcpStreamKey(NetAddress LowAddress, ushort LowPort, NetAddress HighAddress, ushort HighPort)
{
    public static TcpStreamKey From(in PacketInfo packet) =>
        IsLower(packet.Src, packet.SrcPort, packet.Dst, packet.DstPort)
            ? new TcpStreamKey(packet.Src, packet.SrcPort, packet.Dst, packet.DstPort)
            : new TcpStreamKey(packet.Dst, packet.DstPort, packet.Src, packet.SrcPort);

    private static bool IsLower(NetAddress a, ushort aPort, NetAddress b, ushort bPort)
    {
        if (a.IsV6 != b.IsV6) return !a.IsV6;
        if (a.Value != b.Value) return a.Value < b.Value;
        return aPort <= bPort;
    }

    public override string ToString() => $"{LowAddress}:{LowPort}-{HighAddress}:{HighPort}";
}
