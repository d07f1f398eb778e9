using Analyzer.Decoding;
using Analyzer.Decoding.NatPmp;
using Analyzer.Events;
using Analyzer.Rules.Text;

namespace Analyzer.Rules.NatPmp;

/// <summary>
/// THREATS.md <c>pcp-announce-flood</c>: unsolicited gateway announcements (PCP ANNOUNCE, NAT-PMP external-address
/// changes, sent to clients on port 5350) that make every client refresh its mappings. The real gateway sends a
/// few after a reboot. Fires on an announcement from a host that is not a known router (configured, or learned as
/// the host answering NAT-PMP/PCP or advertising the IGD) while a known router sits in the announcer's own subnet
/// (IPv4 /24, IPv6 /64: a home has one gateway per subnet; a router elsewhere says nothing of this one), and on
/// more than the flood count within the window.
/// </summary>
public sealed class AnnounceFloodRule : IRule
{
    public static readonly RuleInfo Rule = new("pcp-announce-flood", AlertCategory.RogueDevice, Severity.Medium,
        "PCP ANNOUNCE / NAT-PMP address announcements from a host that is not the gateway, or 20+ within 60 s");

    public const int MaxAnnouncers = 256;

    private sealed class Announcer(int count)
    {
        public readonly RecentTimes Times = new(count);
        public long MutedUntil = long.MinValue;
        public bool ReportedRogue;
    }

    private readonly BoundedTable<NetAddress, Announcer> _announcers = new(MaxAnnouncers);

    public RuleInfo Info => Rule;

    public void OnEvent(AnalyzerEvent e, RuleContext context)
    {
        bool announcement = e switch
        {
            PcpMessage { IsResponse: true, Opcode: (byte)PcpOpcode.Announce } => true,
            NatPmpMessage { IsResponse: true, Opcode: (byte)NatPmpOpcode.ExternalAddressResponse } => e.Packet.DstPort == NatPmpAnalyzer.ClientPort,
            _ => false,
        };
        if (!announcement) return;
        var p = e.Packet;
        var net = context.Network;
        var t = context.Thresholds;
        var announcer = _announcers.GetOrAdd(p.Src, () => new Announcer(t.AnnounceFloodCount));
        if (!announcer.ReportedRogue && GatewayOfSubnet(p.Src, net) is { } gateway && !net.SameDevice(gateway, p.Src))
        {
            announcer.ReportedRogue = true;
            context.Raise(Rule, p, e.Protocol,
                $"{e.Protocol} {e.Message} to {p.Dst} from {p.Src}, which is not the gateway {gateway}",
                Severity.High);
        }
        if (announcer.Times.AddAndCheck(p.TimestampUs, t.AnnounceFloodWindowUs) && p.TimestampUs >= announcer.MutedUntil)
        {
            announcer.MutedUntil = p.TimestampUs + t.AnnounceFloodWindowUs;
            context.Raise(Rule, p, e.Protocol,
                $"{t.AnnounceFloodCount} announcements from {p.Src} within {Evidence.Seconds(t.AnnounceFloodWindowUs)} (latest {e.Protocol} {e.Message} to {p.Dst}): every client must refresh its mappings");
        }
    }

    public const int SubnetV4 = 24;
    public const int SubnetV6 = 64;

    /// <summary>A known router in the announcer's subnet: the announcer itself when it is one, else another, else null.</summary>
    private static NetAddress? GatewayOfSubnet(NetAddress announcer, NetworkContext net)
    {
        var subnet = IpPrefix.Of(announcer, announcer.IsV6 ? SubnetV6 : SubnetV4);
        NetAddress? other = null;
        foreach (var r in net.Routers)
        {
            if (net.SameDevice(r, announcer)) return r;
            if (subnet.Contains(r)) other ??= r;
        }
        return other;
    }
}
