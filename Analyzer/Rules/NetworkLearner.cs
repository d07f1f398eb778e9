using Analyzer.Decoding.NatPmp;
using Analyzer.Decoding.Ssdp;
using Analyzer.Events;
using Analyzer.Rules.Ssdp;

namespace Analyzer.Rules;

/// <summary>
/// Learns the network from traffic before the rules judge it: the MAC of each LAN host, the router (a LAN host that
/// answers NAT-PMP/PCP, or advertises an Internet Gateway Device) and its WAN address (NAT-PMP external-address
/// answers, PCP MAP answers; GetExternalIPAddress answers once SOAP is decoded).
/// </summary>
public static class NetworkLearner
{
    public static void Learn(AnalyzerEvent e, NetworkContext network)
    {
        var p = e.Packet;
        network.LearnMac(p.Src, p.SrcMac);
        switch (e)
        {
            case NatPmpMessage { IsResponse: true, ResultCode: 0 } natPmp when !NetworkContext.IsSpecial(p.Dst):
                network.LearnRouter(p.Src);
                if (natPmp.ExternalAddress is { } external) network.LearnWanAddress(external);
                break;
            case PcpMessage { IsResponse: true, ResultCode: 0 } pcp when !NetworkContext.IsSpecial(p.Dst):
                network.LearnRouter(p.Src);
                if (pcp.ExternalAddress is { } assigned && pcp.Opcode == (byte)PcpOpcode.Map) network.LearnWanAddress(assigned);
                break;
            case SsdpMessage { Kind: not SsdpKind.MSearch } ssdp:
                var type = ssdp.Kind == SsdpKind.Notify ? ssdp.Nt : ssdp.St;
                if (type is not null && type.StartsWith(SsdpTargets.IgdDevicePrefix, StringComparison.OrdinalIgnoreCase))
                    network.LearnRouter(p.Src);
                break;
        }
    }
}
