using System.Net;
using System.Net.NetworkInformation;
using Analyzer.Generation;
using Analyzer.Generation.Packets;
using Analyzer.Generation.Randomness;

namespace Analyzer.Tests.Generation;

/// <summary>A router, two LAN hosts and an Internet host with fixed addresses, for builder tests.</summary>
internal static class TestHosts
{
    public static readonly NetHost Router = new("router", PhysicalAddress.Parse("3C-A6-2F-00-00-01"),
        IPAddress.Parse("192.168.1.1"), IPAddress.Parse("fd00::1"), 64, NetSegment.Lan);
    public static readonly NetHost Pc = new("pc", PhysicalAddress.Parse("18-66-DA-00-00-02"),
        IPAddress.Parse("192.168.1.20"), IPAddress.Parse("fd00::20"), 128, NetSegment.Lan);
    public static readonly NetHost Tv = new("tv", PhysicalAddress.Parse("38-8C-50-00-00-03"),
        IPAddress.Parse("192.168.1.30"), IPAddress.Parse("fd00::30"), 64, NetSegment.Lan);
    public static readonly NetHost Remote = new("remote", PhysicalAddress.Parse("00-05-86-00-00-04"),
        IPAddress.Parse("198.51.100.7"), IPAddress.Parse("2001:db8::7"), 51, NetSegment.Wan);

    public static FrameFactory Factory(LinkLayerKind link = LinkLayerKind.Ethernet, ushort vlan = 0) =>
        new(link, vlan, Router, [Router], new GenerationRandom(7));
}
