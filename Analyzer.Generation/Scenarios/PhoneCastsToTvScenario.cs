using Analyzer.Generation.Messages;
using Analyzer.Generation.Network;

namespace Analyzer.Generation.Scenarios;

/// <summary>
/// Casting as it happens every evening: the phone finds the TV and the Cast dongle through SSDP and mDNS, reads the
/// TV's description, checks YouTube's state, launches it with a video through DIAL, later stops it; it also opens
/// the CASTV2 TLS channel to the dongle on 8009. All of it from the LAN, so nothing to report.
/// </summary>
public sealed class PhoneCastsToTvScenario : BenignScenario
{
    private const string Origin = "package:com.google.android.youtube";

    public override string Name => "phone-casts-to-tv";
    public override string Description => "benign: a phone discovers screens and launches YouTube on the TV via DIAL, CASTV2 TLS to the dongle";

    public override long Run(ScenarioContext ctx, long t)
    {
        var net = ctx.Network;
        var random = ctx.Random;
        var phone = net.Phone;
        bool ipv6 = ctx.Variation.PreferIpv6;

        long found = HomeActivity.SsdpSearch(ctx, t, phone, HomeNetwork.DialService, [net.Tv, net.Chromecast], ipv6, 1, phone.UserAgent);
        t = HomeActivity.MdnsCastDiscovery(ctx, t + random.Next(10_000, 80_000), phone, net.Chromecast);
        t = HomeActivity.FetchDescription(ctx, Math.Max(t, found) + random.Next(2_000, 20_000), phone, net.Tv, ipv6);

        var client = phone.Host.V4;
        t = DialCasting.Status(ctx, t + random.Next(20_000, 200_000), client, net.Tv, "YouTube", "stopped", HttpStyle.Standard,
            phone.UserAgent, Origin);
        string body = $"pairingCode={random.Uuid()}&v={DialCasting.VideoId(random)}&t=0";
        t = DialCasting.Launch(ctx, t + random.Next(50_000, 300_000), client, net.Tv, "YouTube", body, HttpStyle.Standard,
            phone.UserAgent, Origin);
        t = DialCasting.Status(ctx, t + random.Next(1_000_000, 2_000_000), client, net.Tv, "YouTube", "running", HttpStyle.Standard,
            phone.UserAgent, Origin);

        // The TV now streams the video; the phone also talks to the dongle over the Cast channel.
        t = HomeActivity.Https(ctx, t + 100_000, net.Tv.Host, "i.ytimg.com", 12_000);
        t = HomeActivity.Tls(ctx, t + random.Next(200_000, 800_000), client, net.Chromecast.Host.V4, 8009, null, 1_500);

        return DialCasting.Stop(ctx, t + random.Next(2_000_000, 4_000_000), client, net.Tv, "YouTube", HttpStyle.Standard,
            phone.UserAgent, Origin);
    }
}
