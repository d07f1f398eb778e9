using Analyzer.Decoding;

namespace Analyzer.Reassembly;

/// <summary>
/// The connection 4-tuple with its endpoints in a fixed order (lower address and port first), so that both
/// directions of a connection find the same entry. A value type compared field by field: looking it up allocates
/// nothing, not even the first time (no lazily created default comparer is involved; see <see cref="Comparer"/>).
/// </summary>
public readonly struct TcpStreamKey : IEquatable<TcpStreamKey>
{
    public TcpStreamKey(NetAddress lowAddress, ushort lowPort, NetAddress highAddress, ushort highPort)
    {
        LowAddress = lowAddress;
        LowPort = lowPort;
        HighAddress = highAddress;
        HighPort = highPort;
    }

    public static IEqualityComparer<TcpStreamKey> Comparer { get; } = new KeyComparer();

    public NetAddress LowAddress { get; }
    public ushort LowPort { get; }
    public NetAddress HighAddress { get; }
    public ushort HighPort { get; }

    public static TcpStreamKey From(in PacketInfo packet) =>
        IsLower(packet.Src, packet.SrcPort, packet.Dst, packet.DstPort)
            ? new TcpStreamKey(packet.Src, packet.SrcPort, packet.Dst, packet.DstPort)
            : new TcpStreamKey(packet.Dst, packet.DstPort, packet.Src, packet.SrcPort);

    public bool Equals(TcpStreamKey other) => Same(this, other);

    /// <summary><see cref="Equals(TcpStreamKey)"/> without copying either key.</summary>
    internal static bool Same(in TcpStreamKey a, in TcpStreamKey b) =>
        a.LowPort == b.LowPort && a.HighPort == b.HighPort &&
        NetAddress.Same(a.LowAddress, b.LowAddress) && NetAddress.Same(a.HighAddress, b.HighAddress);

    public override bool Equals(object? obj) => obj is TcpStreamKey other && Equals(other);

    public override int GetHashCode()
    {
        ulong low = LowAddress.Low ^ LowAddress.High;
        ulong high = HighAddress.Low ^ HighAddress.High;
        ulong mixed = (low * 0x9E3779B97F4A7C15UL) ^ (high + ((ulong)LowPort << 16 | HighPort));
        return (int)(mixed ^ (mixed >> 32));
    }

    public static bool operator ==(TcpStreamKey a, TcpStreamKey b) => a.Equals(b);
    public static bool operator !=(TcpStreamKey a, TcpStreamKey b) => !a.Equals(b);

    /// <summary>Compares the fields directly: record-struct equality would create default comparers on first use.</summary>
    internal static bool SameAddress(NetAddress a, NetAddress b) => NetAddress.Same(a, b);

    private static bool IsLower(NetAddress a, ushort aPort, NetAddress b, ushort bPort)
    {
        if (a.IsV6 != b.IsV6) return !a.IsV6;
        if (a.Value != b.Value) return a.Value < b.Value;
        return aPort <= bPort;
    }

    public override string ToString() => $"{LowAddress}:{LowPort}-{HighAddress}:{HighPort}";

    private sealed class KeyComparer : IEqualityComparer<TcpStreamKey>
    {
        public bool Equals(TcpStreamKey x, TcpStreamKey y) => x.Equals(y);
        public int GetHashCode(TcpStreamKey key) => key.GetHashCode();
    }
}
