using Analyzer.Decoding;
using Analyzer.Decoding.Link;
using Analyzer.Tests.Support;

namespace Analyzer.Tests.Decoding.Link;

public class FrameDecoderTests
{
    private static readonly byte[] Datagram = Frames.Udp(50000, 1900, "M-SEARCH * HTTP/1.1\r\n\r\n"u8.ToArray());
    private static readonly byte[] V4 = Frames.Ipv4("192.168.1.20", "239.255.255.250", 17, Datagram);
    private static readonly byte[] V6 = Frames.Ipv6("fe80::1", "ff02::c", 17, Datagram);

    public static TheoryData<string, int, byte[], string, string, ushort> EveryLinkType => new()
    {
        { "ethernet", (int)LinkType.Ethernet, Frames.Ethernet(0x0800, V4), "192.168.1.20", "239.255.255.250", 0 },
        { "ethernet ipv6", (int)LinkType.Ethernet, Frames.Ethernet(0x86DD, V6), "fe80::1", "ff02::c", 0 },
        { "802.1q", (int)LinkType.Ethernet, Frames.Ethernet(0x0800, V4, 42), "192.168.1.20", "239.255.255.250", 42 },
        { "qinq", (int)LinkType.Ethernet, Frames.Ethernet(0x0800, V4, 100, 42), "192.168.1.20", "239.255.255.250", 100 },
        { "linux sll", (int)LinkType.LinuxSll, Frames.LinuxSll(0x0800, V4), "192.168.1.20", "239.255.255.250", 0 },
        { "linux sll2", (int)LinkType.LinuxSll2, Frames.LinuxSll2(0x86DD, V6), "fe80::1", "ff02::c", 0 },
        { "raw ipv4", (int)LinkType.Raw, V4, "192.168.1.20", "239.255.255.250", 0 },
        { "raw ipv6", (int)LinkType.Raw, V6, "fe80::1", "ff02::c", 0 },
        { "linktype ipv4", (int)LinkType.Ipv4, V4, "192.168.1.20", "239.255.255.250", 0 },
        { "bsd null", (int)LinkType.Null, Frames.Null(2, V4), "192.168.1.20", "239.255.255.250", 0 },
        { "bsd null ipv6 freebsd", (int)LinkType.Null, Frames.Null(28, V6), "fe80::1", "ff02::c", 0 },
        { "bsd loop big endian", (int)LinkType.Loop, Frames.Null(30, V6, bigEndian: true), "fe80::1", "ff02::c", 0 },
    };

    [Theory]
    [MemberData(nameof(EveryLinkType))]
    public void DecodeFindsTheIpPacketOnEveryLinkType(string name, int linkType, byte[] frame, string src, string dst, ushort vlan)
    {
        var result = FrameDecoder.Decode((LinkType)linkType, frame, out var ip, out var anomaly);

        Assert.True(result == FrameResult.Ip, name);
        Assert.Null(anomaly);
        Assert.Equal(NetAddress.Parse(src), ip.Src);
        Assert.Equal(NetAddress.Parse(dst), ip.Dst);
        Assert.Equal(17, ip.Protocol);
        Assert.Equal(vlan, ip.VlanId);
        Assert.Equal(Datagram, ip.Payload.ToArray());
        Assert.False(ip.IsFragment);
    }

    [Fact]
    public void DecodeReadsTheSourceMacFromEthernetAndCookedHeaders()
    {
        FrameDecoder.Decode(LinkType.Ethernet, Frames.Ethernet(0x0800, V4), out var eth, out _);
        FrameDecoder.Decode(LinkType.LinuxSll, Frames.LinuxSll(0x0800, V4), out var sll, out _);

        Assert.Equal(0x001122334455UL, eth.SrcMac);
        Assert.Equal(0x001122334455UL, sll.SrcMac);
    }

    [Fact]
    public void DecodeWalksIpv6ExtensionHeadersToTheTransport()
    {
        byte[] hopByHop = [0, 0, 1, 4, 0, 0, 0, 0];
        byte[] destOptions = [0, 1, 1, 12, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        var frame = Frames.Ipv6("2001:db8::1", "ff05::c", 17, Datagram, (0, hopByHop), (60, destOptions));

        var result = FrameDecoder.Decode(LinkType.Raw, frame, out var ip, out _);

        Assert.Equal(FrameResult.Ip, result);
        Assert.Equal(17, ip.Protocol);
        Assert.Equal(Datagram, ip.Payload.ToArray());
    }

    [Fact]
    public void DecodeMarksIpv6FragmentsWithTheirOffsetAndId()
    {
        byte[] fragment = [0, 0, 0x00, 0x11, 0xDE, 0xAD, 0xBE, 0xEF]; // offset 2 (×8 = 16 bytes), M=1
        var frame = Frames.Ipv6("fe80::1", "ff02::c", 17, Datagram, (44, fragment));

        FrameDecoder.Decode(LinkType.Raw, frame, out var ip, out _);

        Assert.True(ip.IsFragment);
        Assert.True(ip.MoreFragments);
        Assert.Equal(16, ip.FragmentOffset);
        Assert.Equal(0xDEADBEEFu, ip.FragmentId);
    }

    [Fact]
    public void DecodeReportsArpAsNotIp()
    {
        var arp = Frames.Ethernet(0x0806, new byte[28]);

        Assert.Equal(FrameResult.NotIp, FrameDecoder.Decode(LinkType.Ethernet, arp, out _, out var anomaly));
        Assert.Null(anomaly);
    }

    [Fact]
    public void DecodeReportsAnUnknownLinkTypeAsUnsupported()
    {
        Assert.Equal(FrameResult.UnsupportedLink, FrameDecoder.Decode((LinkType)147, V4, out _, out _));
    }

    public static TheoryData<string, int, byte[], string> Malformed => new()
    {
        { "short ethernet", (int)LinkType.Ethernet, new byte[10], "link.truncated" },
        { "vlan tag cut", (int)LinkType.Ethernet, Frames.Ethernet(0x8100, [0x00]), "link.truncated" },
        { "five vlan tags", (int)LinkType.Ethernet, Frames.Ethernet(0x0800, V4, 1, 2, 3, 4, 5), "link.too_many_vlan_tags" },
        { "short sll", (int)LinkType.LinuxSll, new byte[15], "link.truncated" },
        { "short ipv4", (int)LinkType.Raw, V4[..19], "ipv4.truncated" },
        { "ihl below 5", (int)LinkType.Raw, [0x44, .. V4[1..]], "ipv4.bad_header_length" },
        { "short ipv6", (int)LinkType.Raw, V6[..39], "ipv6.truncated" },
        { "cut extension header", (int)LinkType.Raw, Frames.Ipv6("fe80::1", "ff02::c", 17, [], (0, new byte[8]))[..44], "ipv6.truncated_extension_header" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void DecodeReportsMalformedFramesAsAnomalies(string name, int linkType, byte[] frame, string expectedAnomaly)
    {
        var result = FrameDecoder.Decode((LinkType)linkType, frame, out _, out var anomaly);

        Assert.True(result == FrameResult.Malformed, name);
        Assert.Equal(expectedAnomaly, anomaly);
    }

    [Fact]
    public void DecodeNeverThrowsOnAnyPrefixOfAValidFrame()
    {
        var frame = Frames.Ethernet(0x86DD, Frames.Ipv6("fe80::1", "ff02::c", 17, Datagram, (0, new byte[8])), 7);
        for (int n = 0; n <= frame.Length; n++)
            foreach (var link in Enum.GetValues<LinkType>())
                FrameDecoder.Decode(link, frame.AsSpan(0, n), out _, out _);
    }
}
