using Analyzer.Generation.Capture;
using Analyzer.Labels;

namespace Analyzer.Generation.Scenarios;

/// <summary>
/// The demonstration capture: a home network's ordinary activity (discovery, a console mapping its ports, casting)
/// with several attacks woven in — UPnProxy injection from the Internet, a rogue evil-ssdp responder, CallStranger,
/// a rogue DIAL launch from outside, a SOAP command injection and vulnerable banners. Always pcap unless forced.
/// </summary>
public sealed class DemoHomeAttacksScenario : IScenario
{
    private const long TailUs = 3_000_000;

    public string Name => "demo-home-attacks";
    public string Description => "mixed: benign home traffic with UPnProxy, evil-ssdp, CallStranger, rogue DIAL launch, SOAP injection, vulnerable banners";
    public string Label => LabelNames.Mixed;
    public CaptureFileFormat? PinnedFormat => CaptureFileFormat.Pcap;

    public void Generate(ScenarioContext ctx)
    {
        var random = ctx.Random;
        long t = ctx.StartUs + 200_000;
        t = new NormalDiscoveryScenario().Run(ctx, t);
        t = new UpnproxyInjectionScenario().Attack(ctx, t + random.Next(1_000_000, 3_000_000));
        t = new ConsolePortMappingScenario().Run(ctx, t + random.Next(1_000_000, 3_000_000));
        t = new EvilSsdpScenario().Attack(ctx, t + random.Next(1_000_000, 3_000_000));
        t = new CallStrangerScenario().Attack(ctx, t + random.Next(1_000_000, 3_000_000));
        t = new PhoneCastsToTvScenario().Run(ctx, t + random.Next(1_000_000, 3_000_000));
        t = new DialRogueLaunchScenario().Attack(ctx, t + random.Next(1_000_000, 3_000_000));
        t = new SoapCommandInjectionScenario().Attack(ctx, t + random.Next(1_000_000, 3_000_000));
        t = new VulnerableBannersScenario().Attack(ctx, t + random.Next(1_000_000, 3_000_000));
        HomeActivity.Fill(ctx, ctx.StartUs, t + TailUs);
    }
}
