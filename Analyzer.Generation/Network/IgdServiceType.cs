namespace Analyzer.Generation.Network;

/// <summary>The WAN connection services an IGD offers for port mapping; clients address SOAP actions to one of them.</summary>
public static class IgdServiceType
{
    public const string WanIpConnection1 = "urn:schemas-upnp-org:service:WANIPConnection:1";
    public const string WanIpConnection2 = "urn:schemas-upnp-org:service:WANIPConnection:2";
    public const string WanPppConnection1 = "urn:schemas-upnp-org:service:WANPPPConnection:1";
    public const string WanCommonInterfaceConfig1 = "urn:schemas-upnp-org:service:WANCommonInterfaceConfig:1";
    public const string Layer3Forwarding1 = "urn:schemas-upnp-org:service:Layer3Forwarding:1";

    public const string InternetGatewayDevice1 = "urn:schemas-upnp-org:device:InternetGatewayDevice:1";
    public const string InternetGatewayDevice2 = "urn:schemas-upnp-org:device:InternetGatewayDevice:2";
    public const string WanDevice1 = "urn:schemas-upnp-org:device:WANDevice:1";
    public const string WanConnectionDevice1 = "urn:schemas-upnp-org:device:WANConnectionDevice:1";

    /// <summary>The service id that goes with a service type in a description (UDA: urn:upnp-org:serviceId:…).</summary>
    public static string ServiceId(string serviceType) => serviceType switch
    {
        WanPppConnection1 => "urn:upnp-org:serviceId:WANPPPConn1",
        WanCommonInterfaceConfig1 => "urn:upnp-org:serviceId:WANCommonIFC1",
        Layer3Forwarding1 => "urn:upnp-org:serviceId:L3Forwarding1",
        _ => "urn:upnp-org:serviceId:WANIPConn1",
    };
}
