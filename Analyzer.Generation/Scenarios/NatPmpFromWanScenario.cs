using System.Net;
using Analyzer.Labels;
using Analyzer.Generation.Messages;

namespace Analyzer.Generation.Scenarios;

/// <summary>
/// NAT-PMP and PCP answered on the WAN side (Rapid7 R7-2014-17): an Internet host learns the external address and
/// gets a TCP mapping created on its behalf; a PCP MAP from the Internet is granted too.
/// </summary>
public sealed class NatPmpFromWanScenario : AttackScenario
{
    public override string Name => "natpmp-from-wan";
    public override string Description => "attack: NAT-PMP address and map requests and a PCP MAP from the Internet, all answered";
    public override string Category => LabelNames.WanExposure;

    public override long Attack(ScenarioContext ctx, long t)
    {
        var net = ctx.Network;
        var random = ctx.Random;
        var attacker = ctx.InternetHost("natpmp-scanner");
        var wan = net.RouterWan.V4;
        byte[] wanBytes = net.RouterWan.Ipv4.GetAddressBytes();
        uint epoch = (uint)random.Next(10_000, 900_000);
        ushort port = (ushort)random.Next(30000, 65000);
        long start = t;

        t = NatPmpExchange.Run(ctx, t, attacker.V4, port, wan, NatPmpMessages.ExternalAddressRequest(),
            NatPmpMessages.ExternalAddressResponse(epoch, wanBytes));
        ushort mapped = (ushort)random.Next(1025, 65535);
        t = NatPmpExchange.Run(ctx, t + random.Next(100_000, 900_000), attacker.V4, port, wan,
            NatPmpMessages.MapRequest(tcp: true, 80, mapped, 3600),
            NatPmpMessages.MapResponse(tcp: true, epoch + 1, 80, mapped, 3600));
        ctx.Mark(LabelNames.WanExposure, "natpmp-from-wan", attacker.Ipv4, wan.Address, start, t,
            "external address disclosed and TCP mapping granted to an Internet host");

        byte[] nonce = random.Bytes(12);
        long sent = t + random.Next(500_000, 2_000_000);
        t = NatPmpExchange.Run(ctx, sent, attacker.V4, port, wan,
            PcpMessages.MapRequest(attacker.Ipv4, 7200, nonce, PcpMessages.ProtocolTcp, 22, 22, IPAddress.Any),
            PcpMessages.MapResponse(PcpMessages.ResultSuccess, 7200, epoch + 3, nonce, PcpMessages.ProtocolTcp, 22, 22, net.RouterWan.Ipv4));
        ctx.Mark(LabelNames.WanExposure, "natpmp-from-wan", attacker.Ipv4, wan.Address, sent, t, "PCP MAP from the Internet granted");
        return t;
    }
}
