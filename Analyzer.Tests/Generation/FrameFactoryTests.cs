using System.Net;
using Analyzer.Generation.Packets;
using PacketDotNet;
using Analyzer.Decoding;
using Analyzer.Generation.Randomness;

namespace Analyzer.Tests.Generation;

public class FrameFactoryTests
{
    public static TheoryData<LinkLayerKind, bool> LinksAndFamilies()
    {
        var data = new TheoryData<LinkLayerKind, bool>();
        foreach (var link in Enum.GetValues<LinkLayerKind>())
        {
            data.Add(link, false);
            data.Add(link, true);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(LinksAndFamilies))]
    public void UdpFramesHaveValidIpAndUdpChecksumsOnEveryLinkAndFamily(LinkLayerKind link, bool ipv6)
    {
        var factory = TestHosts.Factory(link, 42);
        var frame = factory.Udp(TestHosts.Pc.On(ipv6), 50000, TestHosts.Router.On(ipv6), 1900, "M-SEARCH * HTTP/1.1\r\n\r\n"u8);

        var parsed = WireFrame.Parse(frame, factory.LinkType)!;
        Assert.Equal(ipv6 ? 6 : 4, parsed.IpVersion);
        Assert.Equal(17, parsed.Protocol);
        Assert.True(parsed.IpChecksumValid());
        Assert.True(parsed.TransportChecksumValid());
        Assert.Equal("M-SEARCH * HTTP/1.1\r\n\r\n"u8.ToArray(), parsed.Payload);
    }

    [Theory]
    [MemberData(nameof(LinksAndFamilies))]
    public void TcpFramesWithOptionsHaveValidChecksumsAndHeaderLength(LinkLayerKind link, bool ipv6)
    {
        var factory = TestHosts.Factory(link, 42);
        var header = new TcpSegmentHeader(1000, 0, TcpFlags.Syn, 64240, [2, 4, 5, 0xB4, 1, 1, 4, 2]);
        var frame = factory.Tcp(TestHosts.Pc.On(ipv6), 50000, TestHosts.Router.On(ipv6), 5000, header, []);

        var parsed = WireFrame.Parse(frame, factory.LinkType)!;
        Assert.Equal(6, parsed.Protocol);
        Assert.Equal(28, parsed.TcpHeaderLength);
        Assert.Equal(1000u, parsed.TcpSeq);
        Assert.Equal((byte)TcpFlags.Syn, parsed.TcpFlags);
        Assert.True(parsed.IpChecksumValid());
        Assert.True(parsed.TransportChecksumValid());
    }

    [Fact]
    public void VlanFramesCarryTheTagIdAndTheInnerEtherType()
    {
        var factory = TestHosts.Factory(LinkLayerKind.Vlan, 101);
        var frame = factory.Udp(TestHosts.Pc.V4, 50000, TestHosts.Router.V4, 53, [1, 2, 3]);

        Assert.Equal([0x81, 0x00], frame[12..14]);
        var parsed = WireFrame.Parse(frame, LinkLayers.Ethernet)!;
        Assert.Equal((ushort)101, parsed.VlanId);
        Assert.Equal((ushort)0x0800, parsed.EtherType);
    }

    [Fact]
    public void ShortEthernetFramesArePaddedToSixtyBytesButIpLengthsStayExact()
    {
        var factory = TestHosts.Factory();
        var arp = factory.Arp(ArpOperation.Request, TestHosts.Pc, TestHosts.Pc.Ipv4, null, TestHosts.Router.Ipv4);
        var ack = factory.Tcp(TestHosts.Pc.V4, 50000, TestHosts.Router.V4, 5000, new TcpSegmentHeader(1, 1, TcpFlags.Ack, 100), []);

        Assert.Equal(FrameFactory.MinEthernetFrame, arp.Length);
        Assert.Equal(FrameFactory.MinEthernetFrame, ack.Length);
        Assert.Equal(40, WireFrame.Parse(ack, LinkLayers.Ethernet)!.Ip.Length);
    }

    [Fact]
    public void LinuxSllFramesSayWhetherTheRouterSentReceivedOrOverheardThem()
    {
        var factory = TestHosts.Factory(LinkLayerKind.LinuxSll);
        var sent = factory.Udp(TestHosts.Router.V4, 1900, TestHosts.Pc.V4, 50000, [1]);
        var received = factory.Udp(TestHosts.Pc.V4, 50000, TestHosts.Router.V4, 1900, [1]);
        var multicast = factory.Udp(TestHosts.Pc.V4, 50000, Endpoint.Group(IPAddress.Parse("239.255.255.250")), 1900, [1]);
        var overheard = factory.Udp(TestHosts.Pc.V4, 50000, TestHosts.Tv.V4, 1900, [1]);

        Assert.Equal([0, 4], sent[..2]);
        Assert.Equal([0, 0], received[..2]);
        Assert.Equal([0, 2], multicast[..2]);
        Assert.Equal([0, 3], overheard[..2]);
        Assert.Equal(TestHosts.Router.Mac.GetAddressBytes(), sent[6..12]);
    }

    [Fact]
    public void LinuxSllFramesOnTheRoutersWanSideAreItsOwnToo()
    {
        var wan = TestHosts.Router with { Name = "router-wan", Mac = System.Net.NetworkInformation.PhysicalAddress.Parse("3C-A6-2F-00-00-02"),
            Ipv4 = IPAddress.Parse("203.0.113.9"), Segment = NetSegment.Wan };
        var factory = new FrameFactory(LinkLayerKind.LinuxSll, 0, TestHosts.Router, [TestHosts.Router, wan], new GenerationRandom(1));

        Assert.Equal([0, 0], factory.Udp(TestHosts.Remote.V4, 40000, wan.V4, 1900, [1])[..2]);
        Assert.Equal([0, 4], factory.Udp(wan.V4, 1900, TestHosts.Remote.V4, 40000, [1])[..2]);
    }

    [Fact]
    public void MulticastDestinationsGetTheirGroupMacs()
    {
        var factory = TestHosts.Factory();
        var v4 = factory.Udp(TestHosts.Pc.V4, 1, Endpoint.Group(IPAddress.Parse("239.255.255.250")), 1900, [1]);
        var v6 = factory.Udp(TestHosts.Pc.V6, 1, Endpoint.Group(IPAddress.Parse("ff02::c")), 1900, [1]);

        Assert.Equal([0x01, 0x00, 0x5E, 0x7F, 0xFF, 0xFA], v4[..6]);
        Assert.Equal([0x33, 0x33, 0x00, 0x00, 0x00, 0x0C], v6[..6]);
    }

    [Fact]
    public void PacketsFromTheInternetToTheLanComeFromTheRouterMacOneHopCloser()
    {
        var factory = TestHosts.Factory();
        var frame = factory.Tcp(TestHosts.Remote.V4, 40000, TestHosts.Tv.V4, 8008, new TcpSegmentHeader(1, 0, TcpFlags.Syn, 100), []);

        Assert.Equal(TestHosts.Tv.Mac.GetAddressBytes(), frame[..6]);
        Assert.Equal(TestHosts.Router.Mac.GetAddressBytes(), frame[6..12]);
        Assert.Equal(TestHosts.Remote.Ttl - 1, frame[14 + 8]);
    }

    [Fact]
    public void PacketsToTheRoutersWanAddressKeepTheIspGatewayMac()
    {
        var wan = TestHosts.Router with { Name = "router-wan", Ipv4 = IPAddress.Parse("203.0.113.9"), Segment = NetSegment.Wan };
        var frame = TestHosts.Factory().Udp(TestHosts.Remote.V4, 40000, wan.V4, 1900, [1]);

        Assert.Equal(TestHosts.Remote.Mac.GetAddressBytes(), frame[6..12]);
        Assert.Equal(TestHosts.Remote.Ttl, frame[14 + 8]);
    }
}
