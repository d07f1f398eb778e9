using System.Buffers.Binary;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using PacketDotNet;
using PacketDotNet.Utils;
using Analyzer.Generation.Randomness;

namespace Analyzer.Generation.Packets;

/// <summary>
/// Builds complete link-layer frames: IP and transport headers through PacketDotNet (which computes lengths and
/// checksums), framed as Ethernet, 802.1Q or Linux SLL. It also decides what the capture point sees: a frame that
/// touches a LAN host is seen on the LAN link (Internet hosts then appear behind the router's LAN MAC, one hop
/// further), anything else on the WAN link.
/// </summary>
public sealed class FrameFactory
{
    /// <summary>Shortest Ethernet frame without FCS; a switch mirror port shows shorter frames zero-padded to it.</summary>
    public const int MinEthernetFrame = 60;
    private const int EthernetHeaderLength = 14;
    private const int VlanTagLength = 4;
    private const int SllHeaderLength = 16;
    private const int TcpHeaderLength = 20;
    private const ushort ArphrdEther = 1;

    private readonly NetHost _routerLan;
    private readonly IReadOnlyList<NetHost> _captureHosts;
    private readonly GenerationRandom _random;
    private readonly Dictionary<IPAddress, ushort> _ipIds = new();

    /// <param name="routerLan">The router's LAN interface: next hop of every LAN↔WAN frame.</param>
    /// <param name="captureHosts">The interfaces of the machine a Linux SLL capture runs on (the router's LAN and WAN
    /// sides); they decide the SLL packet types.</param>
    public FrameFactory(LinkLayerKind link, ushort vlanId, NetHost routerLan, IReadOnlyList<NetHost> captureHosts, GenerationRandom random)
    {
        Link = link;
        VlanId = vlanId;
        _routerLan = routerLan;
        _captureHosts = captureHosts;
        _random = random;
    }

    public LinkLayerKind Link { get; }
    public ushort VlanId { get; }

    /// <summary>The pcap link type of every frame this factory builds.</summary>
    public LinkLayers LinkType => Link == LinkLayerKind.LinuxSll ? LinkLayers.LinuxSll : LinkLayers.Ethernet;

    /// <param name="ttl">TTL or hop limit when the protocol fixes one (SSDP multicast 2..4, mDNS 255); otherwise the host's.</param>
    public byte[] Udp(Endpoint src, ushort srcPort, Endpoint dst, ushort dstPort, ReadOnlySpan<byte> payload, byte? ttl = null)
    {
        var udp = new UdpPacket(srcPort, dstPort) { PayloadData = payload.ToArray() };
        var ip = NewIp(src, dst, dontFragment: false, ttl);
        ip.PayloadPacket = udp;
        ip.UpdateCalculatedValues();
        udp.UpdateCalculatedValues();
        udp.UpdateUdpChecksum();
        if (ip is IPv4Packet v4) v4.UpdateIPChecksum();
        return Frame(src, dst, ip);
    }

    public byte[] Tcp(Endpoint src, ushort srcPort, Endpoint dst, ushort dstPort, TcpSegmentHeader header, ReadOnlySpan<byte> payload)
    {
        // PacketDotNet cannot grow a header to add options, so the header is laid out here and PacketDotNet parses
        // it, fills the pseudo-header checksum and sizes the IP packet around it.
        int optionLength = header.Options?.Length ?? 0;
        if (optionLength % 4 != 0) throw new ArgumentException("TCP options must be padded to 4 bytes", nameof(header));
        int headerLength = TcpHeaderLength + optionLength;
        var bytes = new byte[headerLength + payload.Length];
        var span = bytes.AsSpan();
        BinaryPrimitives.WriteUInt16BigEndian(span, srcPort);
        BinaryPrimitives.WriteUInt16BigEndian(span[2..], dstPort);
        BinaryPrimitives.WriteUInt32BigEndian(span[4..], header.Seq);
        BinaryPrimitives.WriteUInt32BigEndian(span[8..], header.Ack);
        span[12] = (byte)(headerLength / 4 << 4);
        span[13] = (byte)header.Flags;
        BinaryPrimitives.WriteUInt16BigEndian(span[14..], header.Window);
        header.Options?.CopyTo(span[TcpHeaderLength..]);
        payload.CopyTo(span[headerLength..]);

        var tcp = new TcpPacket(new ByteArraySegment(bytes));
        var ip = NewIp(src, dst, dontFragment: true);
        ip.PayloadPacket = tcp;
        ip.UpdateCalculatedValues();
        tcp.UpdateTcpChecksum();
        if (ip is IPv4Packet v4) v4.UpdateIPChecksum();
        return Frame(src, dst, ip);
    }

    /// <summary>An ARP request (target MAC unknown, sent to broadcast) or reply (unicast to the asker).</summary>
    public byte[] Arp(ArpOperation operation, NetHost sender, IPAddress senderIp, NetHost? target, IPAddress targetIp)
    {
        var targetMac = operation == ArpOperation.Request ? new PhysicalAddress(new byte[6]) : target!.Mac;
        var arp = new ArpPacket(operation, targetMac, targetIp, sender.Mac, senderIp);
        var dstMac = operation == ArpOperation.Request ? MulticastMac.Broadcast : target!.Mac;
        return Wrap(sender.Mac, dstMac, EthernetType.Arp, arp.Bytes, SllPacketType(sender, target));
    }

    private IPPacket NewIp(Endpoint src, Endpoint dst, bool dontFragment, byte? fixedTtl = null)
    {
        if (src.IsIpv6 != dst.IsIpv6) throw new ArgumentException($"address families differ: {src} → {dst}");
        int ttl = fixedTtl ?? ObservedTtl(src, dst);
        if (src.IsIpv6)
            return new IPv6Packet(src.Address, dst.Address) { HopLimit = ttl };

        return new IPv4Packet(src.Address, dst.Address)
        {
            TimeToLive = ttl,
            Id = NextIpId(src.Address),
            FragmentFlags = dontFragment ? 0x2 : 0,
        };
    }

    private int ObservedTtl(Endpoint src, Endpoint dst)
    {
        int ttl = src.Host?.Ttl ?? 64;
        bool routed = src.Host?.Segment == NetSegment.Wan && dst.Host?.Segment == NetSegment.Lan;
        return routed ? ttl - 1 : ttl;
    }

    private ushort NextIpId(IPAddress address)
    {
        if (!_ipIds.TryGetValue(address, out ushort id)) id = (ushort)_random.Next(0, 65536);
        _ipIds[address] = (ushort)(id + 1);
        return id;
    }

    private byte[] Frame(Endpoint src, Endpoint dst, IPPacket ip)
    {
        bool onLan = src.Host?.Segment == NetSegment.Lan || dst.Host?.Segment == NetSegment.Lan;
        var srcMac = onLan && src.Host?.Segment != NetSegment.Lan ? _routerLan.Mac : src.Host!.Mac;
        PhysicalAddress dstMac = dst.Host is null
            ? MulticastMac.For(dst.Address)
            : onLan && dst.Host.Segment != NetSegment.Lan ? _routerLan.Mac : dst.Host.Mac;
        var type = ip is IPv6Packet ? EthernetType.IPv6 : EthernetType.IPv4;
        var sllType = SllPacketType(src.Host, dst.Host, dst.Address);
        return Wrap(srcMac, dstMac, type, ip.Bytes, sllType);
    }

    private byte[] Wrap(PhysicalAddress srcMac, PhysicalAddress dstMac, EthernetType type, byte[] payload, ushort sllType)
    {
        switch (Link)
        {
            case LinkLayerKind.Ethernet:
            {
                var eth = new EthernetPacket(srcMac, dstMac, type) { PayloadData = payload };
                return PadToMinimum(eth.Bytes);
            }
            case LinkLayerKind.Vlan:
            {
                // PacketDotNet parses 802.1Q but has no constructor for it, so the tag is written here:
                // dst(6) src(6) TPID 0x8100(2) TCI: PCP(3) DEI(1) VID(12) (2) inner EtherType(2).
                var frame = new byte[EthernetHeaderLength + VlanTagLength + payload.Length];
                var span = frame.AsSpan();
                dstMac.GetAddressBytes().CopyTo(span);
                srcMac.GetAddressBytes().CopyTo(span[6..]);
                BinaryPrimitives.WriteUInt16BigEndian(span[12..], (ushort)EthernetType.VLanTaggedFrame);
                BinaryPrimitives.WriteUInt16BigEndian(span[14..], (ushort)(VlanId & 0x0FFF));
                BinaryPrimitives.WriteUInt16BigEndian(span[16..], (ushort)type);
                payload.CopyTo(span[18..]);
                return PadToMinimum(frame);
            }
            default:
            {
                // Linux cooked capture v1: packet type(2) ARPHRD type(2) address length(2) address(8) protocol(2).
                var frame = new byte[SllHeaderLength + payload.Length];
                var span = frame.AsSpan();
                BinaryPrimitives.WriteUInt16BigEndian(span, sllType);
                BinaryPrimitives.WriteUInt16BigEndian(span[2..], ArphrdEther);
                BinaryPrimitives.WriteUInt16BigEndian(span[4..], 6);
                srcMac.GetAddressBytes().CopyTo(span[6..]);
                BinaryPrimitives.WriteUInt16BigEndian(span[14..], (ushort)type);
                payload.CopyTo(span[16..]);
                return frame;
            }
        }
    }

    private static byte[] PadToMinimum(byte[] frame) =>
        frame.Length >= MinEthernetFrame ? frame : [.. frame, .. new byte[MinEthernetFrame - frame.Length]];

    // SLL packet types (packet(7)): 0 to us, 1 broadcast, 2 multicast, 3 to another host, 4 sent by us.
    private ushort SllPacketType(NetHost? src, NetHost? dst, IPAddress? dstAddress = null)
    {
        if (src is not null && IsCaptureHost(src)) return 4;
        if (dst is null) return dstAddress is not null && !IsBroadcast(dstAddress) ? (ushort)2 : (ushort)1;
        return IsCaptureHost(dst) ? (ushort)0 : (ushort)3;
    }

    private bool IsCaptureHost(NetHost host) => _captureHosts.Any(h => h.Mac.Equals(host.Mac));

    private static bool IsBroadcast(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetwork && MulticastMac.For(address).Equals(MulticastMac.Broadcast);
}
