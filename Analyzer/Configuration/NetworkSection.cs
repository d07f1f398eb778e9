namespace Analyzer.Configuration;

public sealed class NetworkSection
{
    /// <summary>LAN prefixes replacing the default set (RFC 1918, ULA, link-local, loopback).</summary>
    public List<string>? Lan { get; set; }
    /// <summary>The router's LAN addresses (also learned from traffic).</summary>
    public List<string> Routers { get; set; } = [];
    /// <summary>The router's WAN addresses (also learned from GetExternalIPAddress and NAT-PMP answers).</summary>
    public List<string> Wan { get; set; } = [];
    /// <summary>Hosts trusted to control devices: map ports for others, cast, reboot, subscribe for others.</summary>
    public List<string> TrustedControllers { get; set; } = [];
    /// <summary>Ports whose exposure through a mapping is sensitive; replaces the default list.</summary>
    public List<int>? SensitivePorts { get; set; }
}
