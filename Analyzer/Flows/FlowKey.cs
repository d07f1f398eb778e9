using Analyzer.Decoding;

namespace Analyzer.Flows;

/// <summary>
/// A bidirectional 5-tuple: both directions of a conversation map to the same key. Compared and hashed field by
/// field (<see cref="Comparer"/>): the flow table looks one up for every packet.
/// </summary>
public readonly struct FlowKey : IEquatable<FlowKey>
{
    public FlowKey(NetAddress a, ushort portA, NetAddress b, ushort portB, Transport transport)
    {
        A = a;
        PortA = portA;
        B = b;
        PortB = portB;
        Transport = transport;
    }

    public static IEqualityComparer<FlowKey> Comparer { get; } = new KeyComparer();

    public NetAddress A { get; }
    public ushort PortA { get; }
    public NetAddress B { get; }
    public ushort PortB { get; }
    public Transport Transport { get; }

    public static FlowKey Of(in PacketInfo p)
    {
        bool srcFirst = p.Src.Value < p.Dst.Value || (p.Src.Value == p.Dst.Value && p.SrcPort <= p.DstPort);
        return srcFirst
            ? new FlowKey(p.Src, p.SrcPort, p.Dst, p.DstPort, p.Transport)
            : new FlowKey(p.Dst, p.DstPort, p.Src, p.SrcPort, p.Transport);
    }

    public bool Equals(FlowKey o) => Same(this, o);

    /// <summary><see cref="Equals(FlowKey)"/> without copying either key.</summary>
    internal static bool Same(in FlowKey x, in FlowKey y) =>
        x.PortA == y.PortA && x.PortB == y.PortB && x.Transport == y.Transport
        && NetAddress.Same(x.A, y.A) && NetAddress.Same(x.B, y.B);

    public override bool Equals(object? obj) => obj is FlowKey other && Equals(other);

    public override int GetHashCode()
    {
        ulong a = A.Low ^ A.High;
        ulong b = B.Low ^ B.High;
        ulong mixed = (a * 0x9E3779B97F4A7C15UL) ^ ((b + ((ulong)PortA << 24 | (ulong)PortB << 8 | (byte)Transport)) * 0xC2B2AE3D27D4EB4FUL);
        return (int)(mixed ^ (mixed >> 32));
    }

    public static bool operator ==(FlowKey x, FlowKey y) => x.Equals(y);
    public static bool operator !=(FlowKey x, FlowKey y) => !x.Equals(y);

    private sealed class KeyComparer : IEqualityComparer<FlowKey>
    {
        public bool Equals(FlowKey x, FlowKey y) => x.Equals(y);
        public int GetHashCode(FlowKey key) => key.GetHashCode();
    }
}
