using System.Buffers.Binary;
using Analyzer.Decoding;
using Analyzer.Decoding.Ip;
using Analyzer.Decoding.Link;

namespace Analyzer.Tests.Fuzzing;

/// <summary>
/// The link and IP layers (<see cref="FrameDecoder"/>, <see cref="TransportHeader"/>): the IP packets of the seed
/// frames, re-wrapped in every supported link type (Ethernet with VLAN tags, Linux cooked v1/v2, BSD loopback in
/// both byte orders, raw IP), then mutated with a bias towards the headers.
/// </summary>
public sealed class LinkTarget(IReadOnlyList<CapturedFrame> frames) : FuzzTarget
{
    private static readonly LinkType[] LinkTypes = Enum.GetValues<LinkType>();
    private readonly byte[][] _packets = [.. frames.Select(IpOf).Where(p => p.Length > 0)];

    public override string Name => "link";
    public override string Description => "FrameDecoder + TransportHeader: seed IP packets in every link type, header-biased mutations";

    public override void RunCase(Random rng, FuzzCase fuzzCase)
    {
        for (int i = 0; i < 8; i++)
        {
            var linkType = Pick(rng, LinkTypes);
            var ip = Pick(rng, _packets);
            var frame = Wrap(rng, linkType, ip);
            // Keep the header region dense with mutations: cut the packet short first, now and then.
            if (rng.Next(3) == 0) frame = frame[..Math.Min(frame.Length, rng.Next(120))];
            frame = Mutator.Mutate(rng, frame, _packets, 65535 + 64);
            fuzzCase.SetInput(frame);
            fuzzCase.AddFrame(linkType, 1_700_000_000_000_000 + i, frame);
            var result = FrameDecoder.Decode(linkType, frame, out var packet, out var anomaly);
            if (result == FrameResult.Malformed && anomaly is null) throw new FuzzPropertyException("a malformed frame without an anomaly id");
            if (result != FrameResult.Ip || packet.IsFragment) continue;
            if (packet.Protocol == (byte)Transport.Udp) TransportHeader.TryReadUdp(packet.Payload, out _, out _, out _);
            else if (packet.Protocol == (byte)Transport.Tcp) TransportHeader.TryReadTcp(packet.Payload, out _, out _, out _, out _, out _, out _);
        }
    }

    private static byte[] IpOf(CapturedFrame frame)
    {
        var bytes = frame.Bytes.AsSpan();
        if (frame.LinkType != LinkType.Ethernet || bytes.Length < 14) return [];
        int at = 12;
        while (at + 2 <= bytes.Length && BinaryPrimitives.ReadUInt16BigEndian(bytes[at..]) is 0x8100 or 0x88A8 or 0x9100) at += 4;
        return at + 2 <= bytes.Length ? bytes[(at + 2)..].ToArray() : [];
    }

    private static byte[] Wrap(Random rng, LinkType linkType, byte[] ip)
    {
        bool v6 = ip.Length > 0 && ip[0] >> 4 == 6;
        ushort etherType = v6 ? (ushort)0x86DD : (ushort)0x0800;
        switch (linkType)
        {
            case LinkType.Ethernet:
            {
                int tags = rng.Next(4) == 0 ? rng.Next(12) : 0;
                var frame = new byte[14 + 4 * tags + ip.Length];
                int at = 12;
                for (int t = 0; t < tags; t++, at += 4)
                {
                    BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(at), t == 0 ? (ushort)0x88A8 : (ushort)0x8100);
                    BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(at + 2), (ushort)rng.Next(4096));
                }
                BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(at), etherType);
                ip.CopyTo(frame, at + 2);
                return frame;
            }
            case LinkType.LinuxSll:
            {
                var frame = new byte[16 + ip.Length];
                BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(4), 6);
                BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(14), etherType);
                ip.CopyTo(frame, 16);
                return frame;
            }
            case LinkType.LinuxSll2:
            {
                var frame = new byte[20 + ip.Length];
                BinaryPrimitives.WriteUInt16BigEndian(frame, etherType);
                frame[11] = 6;
                ip.CopyTo(frame, 20);
                return frame;
            }
            case LinkType.Null or LinkType.Loop:
            {
                var frame = new byte[4 + ip.Length];
                uint family = v6 ? 30u : 2u;
                if (rng.Next(2) == 0) BinaryPrimitives.WriteUInt32LittleEndian(frame, family);
                else BinaryPrimitives.WriteUInt32BigEndian(frame, family);
                ip.CopyTo(frame, 4);
                return frame;
            }
            default:
                return ip;
        }
    }
}
