using Analyzer.Decoding;
using Analyzer.Events;

namespace Analyzer.Tests.Decoding.NatPmp;

/// <summary>Packet headers and field text shared by the NAT-PMP/PCP tests.</summary>
internal static class NatPmpTestPackets
{
    /// <summary>A client's request to the gateway's server port.</summary>
    public static PacketInfo ToServer(string src = "192.168.1.128", string dst = "192.168.1.254", long frame = 1) =>
        Udp(src, 36852, dst, 5351, frame);

    public static PacketInfo Udp(string src, ushort srcPort, string dst, ushort dstPort, long frame = 1) => new()
    {
        TimestampUs = 1_700_000_000_000_000,
        Src = NetAddress.Parse(src),
        Dst = NetAddress.Parse(dst),
        SrcPort = srcPort,
        DstPort = dstPort,
        Transport = Transport.Udp,
        FrameNumber = frame,
    };

    /// <summary>An event's fields as <c>name=value|name=value</c>, in order, for one-line expectations.</summary>
    public static string FieldText(AnalyzerEvent analyzerEvent) =>
        string.Join('|', analyzerEvent.Fields().Select(f => f.Key + "=" + f.Value));
}
