using Analyzer.Census;
using Analyzer.Generation;
using Analyzer.Generation.Network;
using Analyzer.Generation.Scenarios;
using Analyzer.Pipeline;
using Analyzer.Tests.Support;
using Analyzer.Generation.Randomness;

namespace Analyzer.Tests.Census;

/// <summary>
/// Generates one scenario's capture, runs the pipeline over it into the output files (as 'report' does) and builds
/// the census from them; also rebuilds the scenario's home network, to know which device has which address.
/// </summary>
public sealed record CensusRun(NetworkCensus Census, RunRecords Records, HomeNetwork Network)
{
    public static CensusRun Of(IScenario scenario, int seed)
    {
        using var dir = new TempDir();
        var capture = CaptureGenerator.Generate(scenario, seed);
        var path = CaptureGenerator.Write(capture, dir.Path);
        var settings = new PipelineSettings
        {
            AlertsPath = dir.File("alerts.csv"), EventsPath = dir.File("events.csv"), FlowsPath = dir.File("flows.csv"), AllFlows = true,
            MappingsPath = dir.File("mappings.csv"), DevicesPath = dir.File("devices.csv"),
        };
        new BatchAnalyzer(settings, 1).Run([path], null, CancellationToken.None);
        var records = RunRecordsReader.Read(settings.DevicesPath, settings.MappingsPath, settings.AlertsPath, settings.EventsPath, settings.FlowsPath);

        // The generator draws the capture's variation first, then the network, from the scenario's own seed.
        var random = new GenerationRandom(GenerationRandom.DeriveSeed(seed, scenario.Name));
        CaptureVariation.Choose(random);
        return new CensusRun(CensusBuilder.Build(records, settings.Network), records, HomeNetwork.Create(random));
    }

    public CensusDevice Device(Device device) => Census.Devices.Single(d => d.Ip == device.Host.Ipv4.ToString());

    public int Count(DeviceClass c) => Census.Classes.Single(k => k.Class == c).Devices;
}
