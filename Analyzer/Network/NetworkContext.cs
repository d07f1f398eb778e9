using Analyzer.Decoding;

namespace Analyzer.Network;

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

    /// <summary>Most router or WAN addresses learned from traffic; configured ones do not count against it.</summary>
    public const int MaxLearnedAddresses = 16;

    public NetworkContext(IEnumerable<IpPrefix>? lanPrefixes = null)
    {
        _lan = (lanPrefixes ?? DefaultLanPrefixes).ToArray();
        LanPrefixes = _lan;
    }

    // An array, not the interface: IsLan runs many times per message and must not allocate an enumerator.
    private readonly IpPrefix[] _lan;

    /// <summary>A copy of what was configured (LAN, routers, WAN, controllers, ports, allowlist), with nothing learned yet.</summary>
    public NetworkContext Copy() => WithLanPrefixes(_lan);

    /// <summary>A copy with other LAN prefixes and the same routers, WAN addresses, controllers, ports and allowlist.</summary>
    public NetworkContext WithLanPrefixes(IEnumerable<IpPrefix> lanPrefixes)
    {
        var copy = new NetworkContext(lanPrefixes);
        copy.Routers.UnionWith(Routers);
        copy.WanAddresses.UnionWith(WanAddresses);
        copy.TrustedControllers.UnionWith(TrustedControllers);
        copy.SensitivePorts.Clear();
        copy.SensitivePorts.UnionWith(SensitivePorts);
        copy.Allowlist.AddRange(Allowlist);
        return copy;
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

    /// <summary>
    /// Hosts and prefixes whose traffic never raises an alert, whichever rule (configuration <c>allowlist</c>); rules
    /// have their own lists too (<see cref="RuleSetting.Allow"/>).
    /// </summary>
    public List<IpPrefix> Allowlist { get; } = [];

    private readonly HashSet<NetAddress> _learnedRouterAddresses = [];

    /// <summary>A router address given in the configuration, not learned from traffic.</summary>
    public bool IsConfiguredRouter(NetAddress address) => Routers.Contains(address) && !_learnedRouterAddresses.Contains(address);

    private int _learnedWan;
    private int _learnedRouters;

    /// <summary>Grows whenever a router or WAN address is learned, so rules can re-judge only then.</summary>
    public int Version { get; private set; }

    /// <summary>
    /// Learns the router's WAN address from traffic (GetExternalIPAddress, NAT-PMP and PCP answers). A private or
    /// CGNAT-looking answer from a double-NAT router is not public and is ignored when it is inside the LAN prefixes.
    /// </summary>
    public void LearnWanAddress(NetAddress address)
    {
        if (IsSpecial(address) || IsLan(address) || WanAddresses.Contains(address)) return;
        if (_learnedWan >= MaxLearnedAddresses) return;
        _learnedWan++;
        WanAddresses.Add(address);
        Version++;
    }

    /// <summary>Learns a router's LAN address: a LAN host that answers NAT-PMP/PCP or advertises an IGD.</summary>
    public void LearnRouter(NetAddress address)
    {
        if (!IsLan(address) || Routers.Contains(address)) return;
        if (_learnedRouters >= MaxLearnedAddresses) return;
        _learnedRouters++;
        Routers.Add(address);
        _learnedRouterAddresses.Add(address);
        Version++;
    }

    /// <summary>LAN hosts whose MAC address is remembered; beyond it the least recently seen is forgotten.</summary>
    public const int MaxKnownMacs = 8192;

    private readonly State.BoundedTable<NetAddress, ulong> _macs = new(MaxKnownMacs);

    /// <summary>Remembers the MAC a LAN address sent from (routed traffic carries the router's MAC and is ignored).</summary>
    public void LearnMac(NetAddress address, ulong mac)
    {
        if (mac == 0 || !IsLan(address)) return;
        if (_macs.TryGet(address, out var known) && known == mac) return;
        _macs.Set(address, mac);
    }

    /// <summary>The MAC last seen for a LAN address, or 0.</summary>
    public ulong MacOf(NetAddress address) => _macs.TryGet(address, out var mac) ? mac : 0;

    /// <summary>
    /// The two addresses are the same device: equal, or both seen sending from the same MAC (a multi-homed host, or
    /// its IPv4 and IPv6 addresses).
    /// </summary>
    public bool SameDevice(NetAddress a, NetAddress b)
    {
        if (a == b) return true;
        ulong ma = MacOf(a);
        return ma != 0 && ma == MacOf(b);
    }

    /// <summary>Device UUIDs the routers advertise on the LAN, to recognize the same router answering on its WAN side.</summary>
    public const int MaxRouterUuids = 64;

    private readonly State.BoundedTable<string, bool> _routerUuids = new(MaxRouterUuids);

    public void LearnRouterUuid(string uuid) => _routerUuids.Set(uuid, true);

    public bool IsRouterUuid(string uuid) => _routerUuids.ContainsKey(uuid);

    public bool IsAllowlisted(NetAddress a)
    {
        foreach (var p in Allowlist)
            if (p.Contains(a)) return true;
        return false;
    }

    public bool IsLan(NetAddress a)
    {
        foreach (var p in _lan)
            if (p.Contains(a)) return true;
        return false;
    }

    /// <summary>Multicast, broadcast and unspecified addresses: neither LAN hosts nor outside hosts.</summary>
    public static bool IsSpecial(NetAddress a) =>
        a.IsMulticast || a.Value == 0 || (!a.IsV6 && a.V4 == uint.MaxValue);

    /// <summary>An address outside the home: not LAN and not multicast/broadcast/unspecified.</summary>
    public bool IsOutside(NetAddress a) => !IsSpecial(a) && !IsLan(a);

    /// <summary>
    /// A peer on the public side: outside the home and not one of the router's own WAN addresses (traffic between the
    /// home and its own public address is hairpinning, not exposure).
    /// </summary>
    public bool IsForeign(NetAddress a) => IsOutside(a) && !WanAddresses.Contains(a);

    /// <summary>A LAN host or the router's own WAN address: an address of this home.</summary>
    public bool IsHome(NetAddress a) => IsLan(a) || WanAddresses.Contains(a);
}
