using Analyzer.Decoding;

namespace Analyzer.Rules;

/// <summary>
/// What the sensor knows of the network it watches: which addresses are the LAN, the router and its WAN address.
/// The default LAN is RFC 1918, RFC 4193 (ULA), link-local and loopback; documentation ranges (RFC 5737, RFC 3849)
/// and CGNAT (RFC 6598) are deliberately not LAN: traffic from them is from outside the home.
/// </summary>
public sealed class NetworkContext
{
    public static readonly IReadOnlyList<IpPrefix> DefaultLanPrefixes =
    [
        IpPrefix.Parse("10.0.0.0/8"), IpPrefix.Parse("172.16.0.0/12"), IpPrefix.Parse("192.168.0.0/16"),
        IpPrefix.Parse("169.254.0.0/16"), IpPrefix.Parse("127.0.0.0/8"),
        IpPrefix.Parse("fc00::/7"), IpPrefix.Parse("fe80::/10"), IpPrefix.Parse("::1/128"),
    ];

    public NetworkContext(IEnumerable<IpPrefix>? lanPrefixes = null)
    {
        LanPrefixes = (lanPrefixes ?? DefaultLanPrefixes).ToList();
    }

    public IReadOnlyList<IpPrefix> LanPrefixes { get; }

    /// <summary>Router LAN addresses, configured or learned.</summary>
    public HashSet<NetAddress> Routers { get; } = [];

    /// <summary>The router's WAN (public) addresses, configured or learned from traffic.</summary>
    public HashSet<NetAddress> WanAddresses { get; } = [];

    /// <summary>Hosts trusted to control others: map ports for other hosts, cast, reboot, subscribe callbacks.</summary>
    public HashSet<NetAddress> TrustedControllers { get; } = [];

    /// <summary>
    /// Internal ports whose exposure through a port mapping is sensitive (THREATS.md igd-map-sensitive-port):
    /// remote shells and file sharing, databases, remote desktop, UPnP/NAT-PMP themselves, Cast, TR-069, IoT exploit
    /// ports.
    /// </summary>
    public static readonly IReadOnlyList<int> DefaultSensitivePorts =
    [
        21, 22, 23, 25, 53, 80, 135, 137, 138, 139, 443, 445, 1433, 1900, 2323, 3306, 3389, 5000, 5351, 5555, 5900, 7547,
        8008, 8009, 8080, 8443, 37215, 52869,
    ];

    public HashSet<int> SensitivePorts { get; } = [.. DefaultSensitivePorts];

    /// <summary>The ports Google Cast and DIAL listen on (CastHack exposure).</summary>
    public static readonly IReadOnlyList<int> CastPorts = [8008, 8009, 8443];

    /// <summary>Learns the router's WAN address from traffic (GetExternalIPAddress, NAT-PMP answers).</summary>
    public void LearnWanAddress(NetAddress address)
    {
        if (!IsSpecial(address) && !IsLan(address)) WanAddresses.Add(address);
    }

    public bool IsLan(NetAddress a)
    {
        foreach (var p in LanPrefixes)
            if (p.Contains(a)) return true;
        return false;
    }

    /// <summary>Multicast, broadcast and unspecified addresses: neither LAN hosts nor outside hosts.</summary>
    public static bool IsSpecial(NetAddress a) =>
        a.IsMulticast || a.Value == 0 || (!a.IsV6 && a.V4 == uint.MaxValue);

    /// <summary>An address outside the home: not LAN and not multicast/broadcast/unspecified.</summary>
    public bool IsOutside(NetAddress a) => !IsSpecial(a) && !IsLan(a);
}
