using Analyzer.Decoding;

namespace Analyzer.Flows;

/// <summary>A bidirectional 5-tuple: both directions of a conversation map to the same key.</summary>
public readonly record struct FlowKey(NetAddress A, ushort PortA, NetAddress B, ushort PortB, Transport Transport)
{
    public static FlowKey Of(in PacketInfo p)
    {
        bool srcFirst = p.Src.Value < p.Dst.Value || (p.Src.Value == p.Dst.Value && p.SrcPort <= p.DstPort);
        return srcFirst
            ? new FlowKey(p.Src, p.SrcPort, p.Dst, p.DstPort, p.Transport)
            : new FlowKey(p.Dst, p.DstPort, p.Src, p.SrcPort, p.Transport);
    }
}
