using Analyzer.Decoding.Description;
using Analyzer.Decoding.NatPmp;
using Analyzer.Decoding.Soap;
using Analyzer.Decoding.Ssdp;
using Analyzer.Events;

namespace Analyzer.Network;

/// <summary>
/// Learns the network from traffic before the rules judge it: the MAC of each LAN host, the router (a LAN host that
/// answers NAT-PMP/PCP or IGD SOAP, or advertises or describes an Internet Gateway Device) and its WAN address
/// (NAT-PMP external-address answers, PCP MAP answers, GetExternalIPAddress answers, and an SSDP answer from outside
/// the LAN carrying the UUID the router advertises inside).
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
            case SoapResponse { IsFault: false } soap when IgdServices.IsIgd(soap.ServiceType):
                network.LearnRouter(p.Src);
                if (soap.Action == "GetExternalIPAddress" && NetAddress.TryParseLiteral(soap.Argument("NewExternalIPAddress")?.Trim(), out var wan))
                    network.LearnWanAddress(wan);
                break;
            case DescriptionMessage { Status: 200 } description
                when description.Description.Root?.DeviceType?.StartsWith(SsdpTargets.IgdDevicePrefix, StringComparison.OrdinalIgnoreCase) == true:
                network.LearnRouter(p.Src);
                break;
            case SsdpMessage { Kind: not SsdpKind.MSearch } ssdp:
                var type = ssdp.Kind == SsdpKind.Notify ? ssdp.Nt : ssdp.St;
                var uuid = SsdpTargets.Uuid(ssdp.Usn);
                if (network.IsLan(p.Src))
                {
                    if (type is not null && type.StartsWith(SsdpTargets.IgdDevicePrefix, StringComparison.OrdinalIgnoreCase))
                        network.LearnRouter(p.Src);
                    if (uuid is not null && network.Routers.Contains(p.Src)) network.LearnRouterUuid(uuid);
                }
                else if (uuid is not null && network.IsRouterUuid(uuid))
                {
                    // The router answering on its WAN side with the UUID it advertises on the LAN: that is its WAN address.
                    network.LearnWanAddress(p.Src);
                }
                break;
        }
    }
}
