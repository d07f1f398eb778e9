using System.Net;
using Analyzer.Labels;
using Analyzer.Generation.Messages;

namespace Analyzer.Generation.Scenarios;

/// <summary>
/// PCP abuse from a LAN host: a MAP request with a THIRD_PARTY option naming the NAS (a mapping for another host,
/// refused with NOT_AUTHORIZED as miniupnpd does without allow_third_party), then one naming the camera that a
/// permissive server grants, and a MAP whose FILTER option has prefix length 0 (every remote peer allowed).
/// </summary>
public sealed class PcpThirdPartyScenario : AttackScenario
{
    public override string Name => "pcp-third-party";
    public override string Description => "attack: PCP MAP with THIRD_PARTY for other LAN hosts and a FILTER with prefix length 0";
    public override string Category => LabelNames.PortmapAbuse;

    public override long Attack(ScenarioContext ctx, long t)
    {
        var net = ctx.Network;
        var random = ctx.Random;
        var pc = net.WindowsPc.Host;
        var router = net.RouterLan.Ipv4;
        ushort clientPort = ctx.EphemeralPort(pc);
        uint epoch = (uint)random.Next(10_000, 500_000);
        var wan = net.RouterWan.Ipv4;

        var requests = new[]
        {
            (Target: net.Nas.Host.Ipv4, Port: (ushort)5000, Result: PcpMessages.ResultNotAuthorized, Lifetime: 86400u),
            (Target: net.Camera.Host.Ipv4, Port: (ushort)554, Result: PcpMessages.ResultSuccess, Lifetime: 86400u),
        };
        foreach (var request in requests)
        {
            byte[] nonce = random.Bytes(12);
            var option = PcpMessages.ThirdParty(request.Target);
            long at = t + random.Next(500_000, 2_000_000);
            uint granted = request.Result == PcpMessages.ResultSuccess ? request.Lifetime : 0;
            t = NatPmpExchange.Lan(ctx, at, pc.V4, clientPort,
                PcpMessages.MapRequest(pc.Ipv4, request.Lifetime, nonce, PcpMessages.ProtocolTcp, request.Port, request.Port, IPAddress.Any, option),
                PcpMessages.MapResponse(request.Result, granted, epoch + (uint)((at - ctx.StartUs) / 1_000_000), nonce,
                    PcpMessages.ProtocolTcp, request.Port, request.Port, wan, option));
            ctx.Mark(LabelNames.PortmapAbuse, "pcp-third-party", pc.Ipv4, router, at, t,
                $"THIRD_PARTY {request.Target} port {request.Port}, result {request.Result}");
        }

        byte[] filterNonce = random.Bytes(12);
        var filter = PcpMessages.Filter(0, 0, IPAddress.Any);
        long sent = t + random.Next(500_000, 2_000_000);
        t = NatPmpExchange.Lan(ctx, sent, pc.V4, clientPort,
            PcpMessages.MapRequest(pc.Ipv4, 86400, filterNonce, PcpMessages.ProtocolTcp, 3389, 3389, IPAddress.Any, filter),
            PcpMessages.MapResponse(PcpMessages.ResultSuccess, 86400, epoch + (uint)((sent - ctx.StartUs) / 1_000_000), filterNonce,
                PcpMessages.ProtocolTcp, 3389, 3389, wan, filter));
        ctx.Mark(LabelNames.PortmapAbuse, "pcp-third-party", pc.Ipv4, router, sent, t, "FILTER prefix length 0 on RDP 3389");
        return t;
    }
}
