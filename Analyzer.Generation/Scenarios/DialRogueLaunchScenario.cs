using Analyzer.Labels;
using Analyzer.Generation.Messages;
using Analyzer.Generation.Network;

namespace Analyzer.Generation.Scenarios;

/// <summary>
/// CastHack (Jan 2019) over an exposed mapping of 8008: a host on the Internet reads the Cast dongle's description
/// and launches a YouTube video on it through DIAL (Metasploit chromecast_youtube's default video), checks it runs,
/// and stops it later. The phone's own casting on the LAN, just before, is the benign contrast.
/// </summary>
public sealed class DialRogueLaunchScenario : AttackScenario
{
    private const string MetasploitVideo = "kxopViU98Xo";

    public override string Name => "dial-rogue-launch";
    public override string Description => "attack: DIAL POST /apps/YouTube from the Internet to the Cast dongle through a mapped port 8008";
    public override string Category => LabelNames.RogueCast;

    public override long Attack(ScenarioContext ctx, long t)
    {
        var net = ctx.Network;
        var random = ctx.Random;
        var cast = net.Chromecast;
        ctx.Igd.Preload(new PortMapping(8008, "TCP", 8008, cast.Host.Ipv4.ToString(), "Cast", 0));

        // A phone on the LAN casts first: allowed.
        string pairing = $"pairingCode={random.Uuid()}&v={DialCasting.VideoId(random)}&t=0";
        t = DialCasting.Launch(ctx, t, net.Phone.Host.V4, cast, "YouTube", pairing, HttpStyle.Standard, net.Phone.UserAgent,
            "package:com.google.android.youtube");

        var attacker = ctx.InternetHost("casthack");
        string userAgent = random.Pick(["Mozilla/5.0 (X11; Linux x86_64; rv:60.0) Gecko/20100101 Firefox/60.0", AttackTools.PythonRequests]);
        var style = ctx.Variation.ScriptHttp;
        long probe = t + random.Next(2_000_000, 5_000_000);
        string hostPort = ScenarioContext.HostPort(cast.Host.Ipv4, CastSetupMessages.Port);
        t = ctx.HttpExchange(probe, attacker.V4, cast.Host.V4, CastSetupMessages.Port,
            DescriptionHttp.Get(style, hostPort, cast.DescriptionPath, userAgent),
            at => DescriptionHttp.Ok(cast.Server!, at, DescriptionDocuments.Media(cast, $"http://{hostPort}"),
                ("Application-URL", $"http://{hostPort}/apps/")));
        ctx.Mark(LabelNames.Recon, "cast-probe-from-nonlan", attacker.Ipv4, cast.Host.Ipv4, probe, t, "GET /ssdp/device-desc.xml from the Internet");

        long launch = t + random.Next(300_000, 1_500_000);
        t = DialCasting.Launch(ctx, launch, attacker.V4, cast, "YouTube", "v=" + MetasploitVideo, style, userAgent, null);
        t = DialCasting.Status(ctx, t + random.Next(1_000_000, 3_000_000), attacker.V4, cast, "YouTube", "running", style, userAgent, null);
        t = DialCasting.Stop(ctx, t + random.Next(3_000_000, 6_000_000), attacker.V4, cast, "YouTube", style, userAgent, null);
        ctx.Mark(LabelNames.RogueCast, "dial-launch-from-nonlan", attacker.Ipv4, cast.Host.Ipv4, launch, t,
            $"POST /apps/YouTube v={MetasploitVideo}, status, DELETE");
        return t;
    }
}
