using Analyzer.Decoding.NatPmp;
using Analyzer.Events;

namespace Analyzer.Rules.NatPmp;

/// <summary>
/// THREATS.md <c>natpmp-from-wan</c> (R7-2014-17), NAT-PMP and PCP alike: a request from outside the LAN reaching
/// the gateway, or the gateway answering a host outside the LAN. A successful MAP answer to the outside means a
/// mapping was made for an Internet host (critical); an external-address answer discloses the WAN address (high).
/// Announcements to 224.0.0.1/ff02::1 are multicast and never count.
/// </summary>
public sealed class FromWanRule : IRule
{
    public static readonly RuleInfo Rule = new("natpmp-from-wan", AlertCategory.WanExposure, Severity.Medium,
        "A NAT-PMP/PCP request from a non-LAN host, or a gateway answer to one (critical when a mapping was granted)");

    public RuleInfo Info => Rule;

    public void OnEvent(AnalyzerEvent e, RuleContext context)
    {
        var p = e.Packet;
        var net = context.Network;
        switch (e)
        {
            case NatPmpMessage { IsResponse: false } or PcpMessage { IsResponse: false } when net.IsForeign(p.Src):
                context.Raise(Rule, p, e.Protocol, $"{e.Protocol} {e.Message} from {p.Src} outside the LAN to {p.Dst}");
                break;
            case NatPmpMessage { IsResponse: true } m when net.IsForeign(p.Dst):
                Answer(e, m.ResultCode == 0, m.Opcode == (byte)NatPmpOpcode.ExternalAddressResponse,
                    m.ExternalAddress?.ToString(), m.ExternalPort, m.InternalPort, context);
                break;
            case PcpMessage { IsResponse: true } m when net.IsForeign(p.Dst):
                Answer(e, m.ResultCode == 0, false, m.ExternalAddress?.ToString(), m.ExternalPort, m.InternalPort, context);
                break;
        }
    }

    private static void Answer(AnalyzerEvent e, bool success, bool addressAnswer, string? externalAddress,
        ushort? externalPort, ushort? internalPort, RuleContext context)
    {
        var p = e.Packet;
        if (success && addressAnswer)
            context.Raise(Rule, p, e.Protocol,
                $"{p.Src} answers {e.Protocol} {e.Message} to {p.Dst} outside the LAN, disclosing the external address {externalAddress}",
                Severity.High);
        else if (success && externalPort is not null)
            context.Raise(Rule, p, e.Protocol,
                $"{p.Src} granted {e.Protocol} {e.Message} to {p.Dst} outside the LAN: external {externalAddress}:{externalPort} → internal port {internalPort}, a mapping made for an Internet host",
                Severity.Critical);
        else
            context.Raise(Rule, p, e.Protocol, $"{p.Src} answers {e.Protocol} {e.Message} to {p.Dst} outside the LAN");
    }
}
