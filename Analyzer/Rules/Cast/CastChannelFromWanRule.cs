using Analyzer.Decoding;
using Analyzer.Events;
using Analyzer.Flows;

namespace Analyzer.Rules.Cast;

/// <summary>
/// THREATS.md <c>cast-castv2-from-nonlan</c>: a host outside the LAN holds a connection to a LAN device's Cast channel
/// (TCP 8009, TLS CASTV2: launch apps, load any media). Judged on the finished flow: the handshake completed and
/// both sides sent more, so a SYN scan that hits a closed or filtered port does not count.
/// </summary>
public sealed class CastChannelFromWanRule : IRule, IFlowRule
{
    public static readonly RuleInfo Rule = new("cast-castv2-from-nonlan", AlertCategory.RogueCast, Severity.High,
        "A non-LAN host holds a TCP connection to a LAN device's Cast channel (8009, CASTV2)");

    public const ushort CastChannelPort = 8009;

    /// <summary>Originator packets of a connection that carried data: SYN, ACK and at least one more.</summary>
    public const int MinOriginatorPackets = 3;
    /// <summary>Responder packets of a connection that carried data: SYN-ACK and at least one more.</summary>
    public const int MinResponderPackets = 2;

    public RuleInfo Info => Rule;

    public void OnEvent(AnalyzerEvent analyzerEvent, RuleContext context) { }

    public void OnFlowEnd(FlowRecord f, RuleContext context)
    {
        if (f.Transport != Transport.Tcp || f.RespPort != CastChannelPort) return;
        if (!context.Network.IsForeign(f.OrigIp) || !context.Network.IsLan(f.RespIp)) return;
        if (f.OrigPackets < MinOriginatorPackets || f.RespPackets < MinResponderPackets) return;
        var packet = new PacketInfo
        {
            TimestampUs = f.FirstUs, Src = f.OrigIp, SrcPort = f.OrigPort, Dst = f.RespIp, DstPort = f.RespPort, Transport = Transport.Tcp,
        };
        context.Raise(Rule, packet, ProtocolNames.Cast,
            $"{f.OrigIp} outside the LAN talked to the Cast channel of {f.RespIp}:{CastChannelPort} ({f.OrigPackets} packets / {f.OrigBytes} bytes in, {f.RespPackets} / {f.RespBytes} out)");
    }
}
