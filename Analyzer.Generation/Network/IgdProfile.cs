namespace Analyzer.Generation.Network;

/// <summary>
/// How the router's UPnP IGD daemon presents itself: its control port (never 1900 on TCP for miniupnpd; each
/// vendor picks its own), paths, the connection service it offers and its SERVER banner.
/// </summary>
public sealed record IgdProfile(
    string Vendor,
    ushort ControlPort,
    string DescriptionPath,
    string ControlPath,
    string EventPath,
    string ScpdPath,
    string ServiceType,
    string DeviceType,
    string Server,
    string ModelName,
    /// <summary>Whether it answers a mapping for another LAN host with 718/606 (miniupnpd secure_mode).</summary>
    bool SecureMode)
{
    /// <summary>The profiles a seed picks from, after real daemons' defaults.</summary>
    public static IReadOnlyList<IgdProfile> Known { get; } =
    [
        new("OpenWrt", 5000, "/rootDesc.xml", "/ctl/IPConn", "/evt/IPConn", "/WANIPCn.xml",
            IgdServiceType.WanIpConnection1, IgdServiceType.InternetGatewayDevice1,
            "OpenWRT/23.05.5 UPnP/1.1 MiniUPnPd/2.3.11", "OpenWRT router", SecureMode: true),
        new("OpenWrt", 5000, "/rootDesc.xml", "/ctl/IPConn", "/evt/IPConn", "/WANIPCn.xml",
            IgdServiceType.WanIpConnection2, IgdServiceType.InternetGatewayDevice2,
            "OpenWRT/24.10.0 UPnP/2.0 MiniUPnPd/2.3.11", "OpenWRT router", SecureMode: true),
        new("AVM", 49000, "/igddesc.xml", "/igdupnp/control/WANIPConn1", "/igdupnp/control/WANIPConn1", "/igdconnSCPD.xml",
            IgdServiceType.WanIpConnection1, IgdServiceType.InternetGatewayDevice1,
            "FRITZ!Box 7590 UPnP/1.0 AVM FRITZ!Box 7590 154.07.57", "FRITZ!Box 7590", SecureMode: false),
        new("AVM", 49000, "/igddesc.xml", "/igdupnp/control/WANPPPConn1", "/igdupnp/control/WANPPPConn1", "/igdconnSCPD.xml",
            IgdServiceType.WanPppConnection1, IgdServiceType.InternetGatewayDevice1,
            "FRITZ!Box 7530 UPnP/1.0 AVM FRITZ!Box 7530 164.07.57", "FRITZ!Box 7530", SecureMode: false),
        new("Netgear", 56688, "/rootDesc.xml", "/ctl/IPConn", "/evt/IPConn", "/WANIPCn.xml",
            IgdServiceType.WanIpConnection1, IgdServiceType.InternetGatewayDevice1,
            "Linux/4.4.60 UPnP/1.1 MiniUPnPd/2.3.10", "Nighthawk R7000", SecureMode: true),
        new("TP-Link", 1900, "/gateway.xml", "/ipc", "/ipc/event", "/ipc.xml",
            IgdServiceType.WanIpConnection1, IgdServiceType.InternetGatewayDevice1,
            "Linux/3.10.14, UPnP/1.0, Portable SDK for UPnP devices/1.14.18", "Archer C6", SecureMode: false),
    ];
}
