using System.Net;
using Analyzer.Generation.Messages;
using Analyzer.Generation.Packets;

namespace Analyzer.Generation.Scenarios;

/// <summary>
/// A torrent client on the laptop maps its listening port through NAT-PMP (external address, TCP and UDP maps with
/// 7200 s lifetimes, deletion on exit) and, in a second client, PCP MAP; the router announces its address on
/// 224.0.0.1:5350 as it does after a restart.
/// </summary>
public sealed class TorrentPortMappingScenario : BenignScenario
{
    private const uint Lifetime = 7200;

    public override string Name => "torrent-port-mapping";
    public override string Description => "benign: a torrent client maps its own port with NAT-PMP and PCP (7200 s lifetimes), router announcements";

    public override long Run(ScenarioContext ctx, long t)
    {
        var net = ctx.Network;
        var random = ctx.Random;
        var router = net.RouterLan.V4;
        var laptop = net.Laptop.Host;
        byte[] wan = net.RouterWan.Ipv4.GetAddressBytes();
        uint bootEpoch = (uint)random.Next(3_000, 900_000);
        long origin = t;
        // Seconds since the mapping table was (re)initialised, as every response carries it (RFC 6886 §3.2).
        uint Epoch(long at) => bootEpoch + (uint)((at - origin) / 1_000_000);

        // The gateway's unsolicited announcements after its (re)start, NAT-PMP first, then PCP.
        var allHosts = Endpoint.Group(IPAddress.Parse("224.0.0.1"));
        ctx.Udp(t, router, NatPmpMessages.ServerPort, allHosts, NatPmpMessages.ClientAnnouncePort,
            NatPmpMessages.ExternalAddressResponse(Epoch(t), wan), ttl: 1);
        ctx.Udp(t + 250_000, router, NatPmpMessages.ServerPort, allHosts, NatPmpMessages.ClientAnnouncePort,
            PcpMessages.AnnounceResponse(Epoch(t + 250_000)), ttl: 1);
        t += 2_000_000;

        ushort listenPort = (ushort)random.Pick([51413, 6881, 51413, 49160]);
        ushort clientPort = ctx.EphemeralPort(laptop);
        t = NatPmp(ctx, t, laptop.V4, clientPort, NatPmpMessages.ExternalAddressRequest(),
            NatPmpMessages.ExternalAddressResponse(Epoch(t), wan));
        foreach (bool tcp in new[] { true, false })
        {
            t = NatPmp(ctx, t + random.Next(1_000, 20_000), laptop.V4, clientPort,
                NatPmpMessages.MapRequest(tcp, listenPort, listenPort, Lifetime),
                NatPmpMessages.MapResponse(tcp, Epoch(t), listenPort, listenPort, Lifetime));
        }

        // Peers find the port and connect.
        for (int i = 0; i < 3; i++)
        {
            var peer = ctx.InternetHost($"torrent-peer-{i}");
            var session = ctx.Tcp(peer.V4, laptop.V4, listenPort);
            long at = session.Open(t + random.Next(100_000, 900_000));
            at = session.ClientSends(at + 100, [19, .. "BitTorrent protocol"u8, .. new byte[8], .. random.Bytes(40)]);
            at = session.ServerSends(at + 500, [19, .. "BitTorrent protocol"u8, .. new byte[8], .. random.Bytes(40)]);
            at = session.ServerSends(at + 1_000, random.Bytes(random.Next(200, 1_400)));
            session.ClientCloses(at + random.Next(100_000, 400_000));
            t = Math.Max(t, at);
        }

        // A second client (PCP-capable) on the same laptop maps its own port; the server returns a 7200 s lease.
        ushort pcpPort = (ushort)random.Next(20000, 30000);
        ushort pcpClientPort = ctx.EphemeralPort(laptop);
        byte[] nonce = random.Bytes(12);
        var anyAddress = IPAddress.Any;
        t = NatPmp(ctx, t + random.Next(500_000, 1_500_000), laptop.V4, pcpClientPort,
            PcpMessages.MapRequest(laptop.Ipv4, Lifetime, nonce, PcpMessages.ProtocolTcp, pcpPort, pcpPort, anyAddress),
            PcpMessages.MapResponse(PcpMessages.ResultSuccess, Lifetime, Epoch(t), nonce, PcpMessages.ProtocolTcp, pcpPort, pcpPort,
                net.RouterWan.Ipv4));

        // The first client quits: lifetime 0 deletes its mappings (RFC 6886 §3.4).
        foreach (bool tcp in new[] { true, false })
        {
            t = NatPmp(ctx, t + random.Next(1_000_000, 3_000_000), laptop.V4, clientPort,
                NatPmpMessages.MapRequest(tcp, listenPort, 0, 0),
                NatPmpMessages.MapResponse(tcp, Epoch(t), listenPort, 0, 0));
        }
        return t;
    }

    private static long NatPmp(ScenarioContext ctx, long t, Endpoint client, ushort clientPort, byte[] request, byte[] response) =>
        NatPmpExchange.Lan(ctx, t, client, clientPort, request, response);
}
