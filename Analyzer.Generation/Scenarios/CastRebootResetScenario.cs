using Analyzer.Labels;
using Analyzer.Generation.Messages;

namespace Analyzer.Generation.Scenarios;

/// <summary>
/// Abuse of the Cast setup API from the Internet (Metasploit chromecast_reset, CastHack): read /setup/eureka_info,
/// rename the device, reboot it ({"params":"now"}), and once it is back, factory-reset it ({"params":"fdr"}); then
/// open the CASTV2 channel on 8009 from outside. The Google Home app's own eureka_info read from the phone is benign.
/// </summary>
public sealed class CastRebootResetScenario : AttackScenario
{
    public override string Name => "cast-reboot-reset";
    public override string Description => "attack: Cast setup API from the Internet: eureka_info, rename, reboot, factory reset; CASTV2 TLS from outside";
    public override string Category => LabelNames.RogueCast;

    public override long Attack(ScenarioContext ctx, long t)
    {
        var net = ctx.Network;
        var random = ctx.Random;
        var cast = net.Chromecast;
        var castHost = cast.Host;
        string hostPort = ScenarioContext.HostPort(castHost.Ipv4, CastSetupMessages.Port);
        string info = CastSetupMessages.EurekaInfo(cast.FriendlyName, "HomeWiFi", "F0:9F:C2:11:22:33", castHost.Mac.ToString(),
            castHost.Ipv4.ToString(), cast.Uuid.ToString());

        // The Google Home app on the phone: allowed.
        t = ctx.HttpExchange(t, net.Phone.Host.V4, castHost.V4, CastSetupMessages.Port,
            CastSetupMessages.Get(HttpStyle.Standard, hostPort, "/setup/eureka_info?params=version,name,build_info", "okhttp/4.12.0"),
            _ => CastSetupMessages.Json(info), HttpEnding.ClientCloses);

        var attacker = ctx.InternetHost("cast-abuser");
        var style = ctx.Variation.ScriptHttp;
        string userAgent = AttackTools.PickUserAgent(random);
        long probe = t + random.Next(2_000_000, 4_000_000);
        t = ctx.HttpExchange(probe, attacker.V4, castHost.V4, CastSetupMessages.Port,
            CastSetupMessages.Get(style, hostPort, "/setup/eureka_info?options=detail", userAgent), _ => CastSetupMessages.Json(info),
            HttpEnding.ClientCloses);
        ctx.Mark(LabelNames.Recon, "cast-probe-from-nonlan", attacker.Ipv4, castHost.Ipv4, probe, t, "GET /setup/eureka_info from the Internet");

        var actions = new (string Path, string Json, string Detail)[]
        {
            ("/setup/set_eureka_info", "{\"name\":\"HACKED - secure your router\"}", "rename"),
            ("/setup/reboot", "{\"params\":\"now\"}", "reboot"),
            ("/setup/reboot", "{\"params\":\"fdr\"}", "factory reset"),
        };
        foreach (var action in actions)
        {
            long at = t + random.Next(1_000_000, 3_000_000);
            t = ctx.HttpExchange(at, attacker.V4, castHost.V4, CastSetupMessages.Port,
                CastSetupMessages.PostJson(style, hostPort, action.Path, action.Json, userAgent), _ => CastSetupMessages.Empty(),
                HttpEnding.ClientCloses);
            ctx.Mark(LabelNames.RogueCast, "cast-setup-abuse", attacker.Ipv4, castHost.Ipv4, at, t, $"POST {action.Path} ({action.Detail})");
            // A reboot takes the dongle away for a while before the attacker goes on.
            if (action.Detail == "reboot") t += random.Next(20_000_000, 30_000_000);
        }

        long channel = t + random.Next(1_000_000, 3_000_000);
        t = HomeActivity.Tls(ctx, channel, attacker.V4, castHost.V4, 8009, null, 900);
        ctx.Mark(LabelNames.RogueCast, "cast-castv2-from-nonlan", attacker.Ipv4, castHost.Ipv4, channel, t, "TLS to 8009 from the Internet");
        return t;
    }
}
