namespace Analyzer.Generation.Scenarios;

/// <summary>Every scenario the generator knows, benign first, in the order <c>--list</c> shows them.</summary>
public static class ScenarioCatalog
{
    public static IReadOnlyList<IScenario> All { get; } =
    [
        new NormalDiscoveryScenario(),
        new ConsolePortMappingScenario(),
        new TorrentPortMappingScenario(),
        new PhoneCastsToTvScenario(),
        new UpnproxyInjectionScenario(),
        new EternalSilenceScenario(),
        new ThirdPartyLanMappingScenario(),
        new SensitivePortExposureScenario(),
        new CastPortExposureScenario(),
        new MappingFloodScenario(),
        new PcpThirdPartyScenario(),
        new EnumerationSweepScenario(),
        new IgdControlFromWanScenario(),
        new SsdpFromWanScenario(),
        new NatPmpFromWanScenario(),
        new SsdpReflectionTriggerScenario(),
        new SsdpReflectionVictimScenario(),
        new SsdpOverflowProbesScenario(),
        new SoapOverflowProbesScenario(),
        new GenaOverlongHeadersScenario(),
        new SoapCommandInjectionScenario(),
        new SoapXxeDoctypeScenario(),
        new SoapMissingArgumentsScenario(),
        new CallStrangerScenario(),
        new DialRogueLaunchScenario(),
        new CastRebootResetScenario(),
        new EvilSsdpScenario(),
        new VulnerableBannersScenario(),
        new DemoHomeAttacksScenario(),
    ];

    public static IScenario? Find(string name) =>
        All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    public static IEnumerable<string> Names => All.Select(s => s.Name);
}
