using Analyzer.Labels;
using Analyzer.Generation.Messages;

namespace Analyzer.Generation.Scenarios;

/// <summary>
/// Hosts open their own sensitive services to the Internet: the PC maps RDP and SSH through the IGD with permanent
/// leases, and the compromised camera asks NAT-PMP for telnet ports (23, 2323) for a week.
/// </summary>
public sealed class SensitivePortExposureScenario : AttackScenario
{
    private const uint WeekSeconds = 7 * 24 * 3600;

    public override string Name => "sensitive-port-exposure";
    public override string Description => "attack: LAN hosts map their own RDP/SSH (IGD, lease 0) and telnet (NAT-PMP, one week) to the Internet";
    public override string Category => LabelNames.PortmapAbuse;

    public override long Attack(ScenarioContext ctx, long t)
    {
        var net = ctx.Network;
        var random = ctx.Random;
        var pc = net.WindowsPc.Host;
        var router = net.RouterLan.Ipv4;
        var igd = new IgdClient(ctx, pc.V4, net.WindowsPc.UserAgent, HttpStyle.Standard, SoapStyle.Windows);
        foreach (var (external, internalPort, description) in new[] { ((ushort)3389, (ushort)3389, "Remote Desktop"),
                     ((ushort)2222, (ushort)22, "OpenSSH") })
        {
            var mapping = new PortMapping(external, "TCP", internalPort, pc.Ipv4.ToString(), description, 0);
            long at = t + random.Next(300_000, 1_500_000);
            (t, _) = igd.Add(at, mapping);
            ctx.Mark(LabelNames.PortmapAbuse, "igd-map-sensitive-port", pc.Ipv4, router, at, t,
                $"TCP {external} -> {pc.Ipv4}:{internalPort}, lease 0");
        }

        var camera = net.Camera.Host;
        ushort clientPort = ctx.EphemeralPort(camera);
        uint epoch = (uint)random.Next(10_000, 500_000);
        foreach (ushort port in new ushort[] { 23, 2323 })
        {
            long at = t + random.Next(500_000, 2_000_000);
            t = NatPmpExchange.Lan(ctx, at, camera.V4, clientPort,
                NatPmpMessages.MapRequest(tcp: true, port, port, WeekSeconds),
                NatPmpMessages.MapResponse(tcp: true, epoch + (uint)((at - ctx.StartUs) / 1_000_000), port, port, WeekSeconds));
            ctx.Mark(LabelNames.PortmapAbuse, "natpmp-map-abuse-lan", camera.Ipv4, router, at, t,
                $"NAT-PMP TCP {port} for {WeekSeconds} s");
        }
        return t;
    }
}
