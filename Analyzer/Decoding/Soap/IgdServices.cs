using Analyzer.Decoding.Soap;

namespace Analyzer.Decoding.Soap;

/// <summary>The IGD control services (UPnP Forum InternetGatewayDevice): the ones that must never be reached from the WAN.</summary>
public static class IgdServices
{
    public static bool IsIgd(string? serviceType) =>
        UpnpServiceType.TryParse(serviceType, out var s)
        && s.Type is "WANIPConnection" or "WANPPPConnection" or "WANIPv6FirewallControl" or "Layer3Forwarding" or "WANCommonInterfaceConfig";
}
