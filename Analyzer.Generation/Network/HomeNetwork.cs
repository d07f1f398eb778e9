using System.Net;
using System.Net.NetworkInformation;
using Analyzer.Generation.Packets;
using Analyzer.Generation.Randomness;

namespace Analyzer.Generation.Network;

/// <summary>
/// The home network a capture is taken in: a /24 LAN behind one router that runs a UPnP IGD, NAT-PMP and PCP,
/// everyday devices, and the Internet beyond. Addresses, MACs, UUIDs and the router's IGD profile come from the seed.
/// </summary>
public sealed class HomeNetwork
{
    public const int LanPrefixLength = 24;
    public const string DialService = "urn:dial-multiscreen-org:service:dial:1";
    private static readonly byte[][] LanPrefixes = [[192, 168, 1], [192, 168, 0], [192, 168, 8], [10, 0, 0], [192, 168, 50]];

    private HomeNetwork(GenerationRandom random)
    {
        Igd = random.Pick(IgdProfile.Known);
        byte[] prefix = Igd.Vendor == "AVM" ? [192, 168, 178] : random.Pick(LanPrefixes);
        LanPrefix = new IPAddress([prefix[0], prefix[1], prefix[2], 0]);
        var ula = new byte[16];
        ula[0] = 0xFD;
        random.Bytes(5).CopyTo(ula, 1);
        UlaPrefix = ula;

        var hostNumbers = Enumerable.Range(2, 248).ToList();
        random.Shuffle(hostNumbers);
        int next = 0;
        IPAddress Lan(int host) => new([prefix[0], prefix[1], prefix[2], (byte)host]);

        byte[] routerOui = Igd.Vendor switch { "AVM" => MacAddresses.Avm, "TP-Link" => MacAddresses.TpLink, _ => MacAddresses.Netgear };
        var routerLanMac = MacAddresses.Make(routerOui, random);
        var routerBytes = routerLanMac.GetAddressBytes();
        var routerWanMac = new PhysicalAddress([routerBytes[0], routerBytes[1], routerBytes[2], routerBytes[3], routerBytes[4], (byte)(routerBytes[5] + 1)]);
        var ispMac = MacAddresses.Make(MacAddresses.Juniper, random);

        RouterLan = new NetHost("router", routerLanMac, Lan(1), Ula(routerLanMac), 64, NetSegment.Lan);
        var wanAddress = new IPAddress([203, 0, 113, (byte)random.Next(2, 255)]);
        RouterWan = new NetHost("router-wan", routerWanMac, wanAddress, WanIpv6(random), 64, NetSegment.Wan);
        Internet = new InternetHosts(random, ispMac, [wanAddress]);

        Device Make(DeviceKind kind, byte[] oui, byte ttl, string name, string manufacturer, string model, string? server,
            string userAgent, string? deviceType, ushort port, string path, params string[] services)
        {
            var mac = MacAddresses.Make(oui, random);
            var host = new NetHost(kind.ToString().ToLowerInvariant(), mac, Lan(hostNumbers[next++]), Ula(mac), ttl, NetSegment.Lan);
            return new Device(kind, host, name, manufacturer, model, random.Uuid(), server, userAgent, deviceType, port, path, services);
        }

        Router = new Device(DeviceKind.Router, RouterLan, Igd.ModelName, Igd.Vendor, Igd.ModelName, random.Uuid(), Igd.Server,
            Igd.Server, Igd.DeviceType, Igd.ControlPort, Igd.DescriptionPath,
            [IgdServiceType.Layer3Forwarding1, IgdServiceType.WanCommonInterfaceConfig1, Igd.ServiceType]);
        WindowsPc = Make(DeviceKind.WindowsPc, MacAddresses.Dell, 128, "DESKTOP-" + random.Alphanumeric(7).ToUpperInvariant(),
            "Microsoft Corporation", "Windows 11", null, "Microsoft-Windows/10.0 UPnP/1.0", null, 2869, "/upnphost/udhisapi.dll");
        Phone = Make(DeviceKind.AndroidPhone, MacAddresses.Xiaomi, 64, "Redmi Note 12", "Xiaomi", "23021RAAEG", null,
            "Android/14 UPnP/1.0 YouTube/19.05.36", null, 0, "/");
        Tv = Make(DeviceKind.Tv, MacAddresses.Lg, 64, "[LG] webOS TV OLED55C2", "LG Electronics", "OLED55C24LA",
            "Linux/4.4.84 UPnP/1.0 LGE WebOS TV/Version 0.9", "WebOS TV", "urn:schemas-upnp-org:device:MediaRenderer:1",
            1830, "/", "urn:schemas-upnp-org:service:AVTransport:1", "urn:schemas-upnp-org:service:ConnectionManager:1",
            "urn:schemas-upnp-org:service:RenderingControl:1", DialService);
        Chromecast = Make(DeviceKind.Chromecast, MacAddresses.Google, 64, "Living Room TV", "Google Inc.", "Eureka Dongle",
            "Linux/4.9.113, UPnP/1.0, Portable SDK for UPnP devices/1.14.12", "Linux", "urn:dial-multiscreen-org:device:dial:1",
            8008, "/ssdp/device-desc.xml", DialService);
        Speaker = Make(DeviceKind.Speaker, MacAddresses.Sonos, 64, "Kitchen", "Sonos, Inc.", "Sonos One",
            "Linux UPnP/1.0 Sonos/80.1-55240 (ZPS36)", "Linux UPnP/1.0 Sonos/80.1-55240 (ZPS36)",
            "urn:schemas-upnp-org:device:ZonePlayer:1", 1400, "/xml/device_description.xml",
            "urn:schemas-upnp-org:service:AlarmClock:1", "urn:schemas-upnp-org:service:DeviceProperties:1",
            "urn:schemas-upnp-org:service:ZoneGroupTopology:1");
        Nas = Make(DeviceKind.Nas, MacAddresses.Synology, 64, "DiskStation", "Synology Inc.", "DS220+",
            "Linux/4.4.302+ DLNADOC/1.50 UPnP/1.0 MiniDLNA/1.3.3", "MiniDLNA/1.3.3",
            "urn:schemas-upnp-org:device:MediaServer:1", 8200, "/rootDesc.xml",
            "urn:schemas-upnp-org:service:ContentDirectory:1", "urn:schemas-upnp-org:service:ConnectionManager:1",
            "urn:microsoft.com:service:X_MS_MediaReceiverRegistrar:1");
        Console = Make(DeviceKind.Console, MacAddresses.Microsoft, 128, "Xbox Series X", "Microsoft Corporation", "Xbox Series X",
            null, "Xbox/10.0.25398 UPnP/1.0", null, 0, "/");
        Laptop = Make(DeviceKind.Laptop, MacAddresses.Intel, 64, "thinkpad", "Lenovo", "ThinkPad T14", null,
            "Debian/12 UPnP/1.1 MiniUPnPc/2.2.8", null, 0, "/");
        Camera = Make(DeviceKind.Camera, MacAddresses.Hikvision, 64, "IPCamera", "Hikvision", "DS-2CD1043G0-I",
            "Linux/3.10.108, UPnP/1.0, Portable SDK for UPnP devices/1.14.18", "Linux/3.10.108 UPnP/1.0",
            "urn:schemas-upnp-org:device:Basic:1", 49152, "/description.xml");

        SpareHostNumbers = hostNumbers.Skip(next).ToArray();
        _lan = Lan;

        IPAddress Ula(PhysicalAddress mac)
        {
            // Modified EUI-64 interface identifier (RFC 4291 Appendix A) under the ULA /64.
            var m = mac.GetAddressBytes();
            var bytes = (byte[])UlaPrefix.Clone();
            bytes[8] = (byte)(m[0] ^ 0x02); bytes[9] = m[1]; bytes[10] = m[2]; bytes[11] = 0xFF;
            bytes[12] = 0xFE; bytes[13] = m[3]; bytes[14] = m[4]; bytes[15] = m[5];
            return new IPAddress(bytes);
        }
    }

    private readonly Func<int, IPAddress> _lan;
    private int _extraHosts;

    public static HomeNetwork Create(GenerationRandom random) => new(random);

    public IPAddress LanPrefix { get; }
    /// <summary>The ULA /64 (first 8 bytes significant) every LAN host's IPv6 address lives in.</summary>
    public byte[] UlaPrefix { get; }
    public IgdProfile Igd { get; }

    public NetHost RouterLan { get; }
    public NetHost RouterWan { get; }
    public InternetHosts Internet { get; }

    public Device Router { get; }
    public Device WindowsPc { get; }
    public Device Phone { get; }
    public Device Tv { get; }
    public Device Chromecast { get; }
    public Device Speaker { get; }
    public Device Nas { get; }
    public Device Console { get; }
    public Device Laptop { get; }
    public Device Camera { get; }

    /// <summary>Host numbers in the LAN no device uses, shuffled (for spraying attacks and extra hosts).</summary>
    public IReadOnlyList<int> SpareHostNumbers { get; }

    public IPAddress LanAddress(int hostNumber) => _lan(hostNumber);

    /// <summary>A LAN host that is not one of the named devices (an extra client, an attacker's box), on the next spare address.</summary>
    public NetHost ExtraLanHost(string name, byte ttl, GenerationRandom random)
    {
        int spareIndex = _extraHosts++;
        var mac = MacAddresses.Make(MacAddresses.RaspberryPi, random);
        var bytes = (byte[])UlaPrefix.Clone();
        random.Bytes(8).CopyTo(bytes, 8);
        return new NetHost(name, mac, LanAddress(SpareHostNumbers[spareIndex]), new IPAddress(bytes), ttl, NetSegment.Lan);
    }

    /// <summary>A device that is not part of the usual household (an old gadget, an attacker's box) on a spare address.</summary>
    public Device ExtraDevice(DeviceKind kind, string name, GenerationRandom random, string friendlyName,
        string manufacturer, string model, string? server, string userAgent, string? deviceType, ushort port, string path,
        params string[] services) =>
        new(kind, ExtraLanHost(name, 64, random), friendlyName, manufacturer, model, random.Uuid(), server, userAgent,
            deviceType, port, path, services);

    private static IPAddress WanIpv6(GenerationRandom random)
    {
        var bytes = new byte[16];
        bytes[0] = 0x20; bytes[1] = 0x01; bytes[2] = 0x0D; bytes[3] = 0xB8;
        random.Bytes(12).CopyTo(bytes, 4);
        return new IPAddress(bytes);
    }
}
