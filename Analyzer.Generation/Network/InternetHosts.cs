using System.Net;
using System.Net.NetworkInformation;
using Analyzer.Generation.Packets;
using Analyzer.Generation.Randomness;

namespace Analyzer.Generation.Network;

/// <summary>
/// Hosts on the public side. Addresses come from the documentation ranges (RFC 5737 TEST-NET-1/2/3 and RFC 3849
/// 2001:db8::/32), so no generated capture names a real third party. Each address is handed out once.
/// </summary>
public sealed class InternetHosts
{
    private static readonly byte[][] Ipv4Blocks = [[192, 0, 2], [198, 51, 100], [203, 0, 113]];
    private readonly GenerationRandom _random;
    private readonly PhysicalAddress _ispGatewayMac;
    private readonly HashSet<IPAddress> _used = new();

    public InternetHosts(GenerationRandom random, PhysicalAddress ispGatewayMac, IEnumerable<IPAddress> reserved)
    {
        _random = random;
        _ispGatewayMac = ispGatewayMac;
        foreach (var address in reserved) _used.Add(address);
    }

    /// <summary>A new Internet host with unique IPv4 and IPv6 addresses, some hops away.</summary>
    public NetHost Create(string name)
    {
        var ipv4 = NewIpv4();
        var ipv6 = NewIpv6();
        byte ttl = (byte)_random.Pick<int>([64 - 9, 64 - 13, 128 - 17, 255 - 12, 64 - 21]);
        return new NetHost(name, _ispGatewayMac, ipv4, ipv6, ttl, NetSegment.Wan);
    }

    public IPAddress NewIpv4()
    {
        while (true)
        {
            var block = _random.Pick(Ipv4Blocks);
            var address = new IPAddress([block[0], block[1], block[2], (byte)_random.Next(2, 255)]);
            if (_used.Add(address)) return address;
        }
    }

    private IPAddress NewIpv6()
    {
        var bytes = new byte[16];
        bytes[0] = 0x20; bytes[1] = 0x01; bytes[2] = 0x0D; bytes[3] = 0xB8;
        _random.Bytes(12).CopyTo(bytes, 4);
        return new IPAddress(bytes);
    }
}
