using Analyzer.Labels;
using Analyzer.Generation.Messages;

namespace Analyzer.Generation.Scenarios;

/// <summary>
/// The UPnProxy precondition: the router's IGD answers on its WAN address. A host on the Internet reads the
/// description and calls GetExternalIPAddress, GetStatusInfo and GetSpecificPortMappingEntry, and gets answers.
/// </summary>
public sealed class IgdControlFromWanScenario : AttackScenario
{
    public override string Name => "igd-control-from-wan";
    public override string Description => "attack: IGD description and SOAP control reached from the Internet on the router's WAN address";
    public override string Category => LabelNames.WanExposure;

    public override long Attack(ScenarioContext ctx, long t)
    {
        var net = ctx.Network;
        var random = ctx.Random;
        var attacker = ctx.InternetHost("igd-prober");
        var wan = net.RouterWan.V4;
        string userAgent = AttackTools.PickUserAgent(random);
        long start = t;
        string hostPort = ScenarioContext.HostPort(wan.Address, net.Igd.ControlPort);
        t = ctx.HttpExchange(t, attacker.V4, wan, net.Igd.ControlPort,
            DescriptionHttp.Get(ctx.Variation.ScriptHttp, hostPort, net.Igd.DescriptionPath, userAgent),
            at => DescriptionHttp.Ok(net.Igd.Server, at, DescriptionDocuments.Igd(net.Router, net.Igd, net.RouterLan.Ipv4.ToString())));
        var igd = new IgdClient(ctx, attacker.V4, userAgent, ctx.Variation.ScriptHttp, ctx.Variation.ScriptSoap, viaWan: true);
        (t, _) = igd.Call(t + random.Next(100_000, 800_000), "GetExternalIPAddress");
        (t, _) = igd.Call(t + random.Next(100_000, 800_000), "GetStatusInfo");
        (t, _) = igd.GetSpecific(t + random.Next(100_000, 800_000), 8080, "TCP");
        ctx.Mark(LabelNames.WanExposure, "igd-control-from-wan", attacker.Ipv4, wan.Address, start, t,
            "description, GetExternalIPAddress, GetStatusInfo, GetSpecificPortMappingEntry from the Internet");
        return t;
    }
}
