using System.CommandLine;
using Analyzer.Capture;
using Analyzer.Pipeline;
using Analyzer.Publishing;
using Def = Analyzer.Cli.Commands.Fleet.FleetCommandDefinition;

namespace Analyzer.Cli.Commands.Fleet;

/// <summary>
/// Publishes archived captures as a fleet: each capture folder is one sensor (its id the folder's name, its own spool),
/// analyzed as 'analyze' does and published as 'analyze --publish' does. With --shard K/N only the folders whose
/// path hashes to part K are taken: the unit split is the folder, so one sensor's records come from one machine.
/// </summary>
public static class FleetReplayCommand
{
    public static async Task<int> RunAsync(ParseResult parse, CancellationToken cancel)
    {
        var target = PublishTarget.Parse(parse.GetValue(Def.Publish)!);
        var shard = parse.GetValue(Def.ShardOption);
        var (files, errors) = CaptureInputs.Expand(parse.GetValue(Def.ReplayPaths)!);
        foreach (var e in errors) CliConsole.Error(e);
        int exit = errors.Count > 0 ? ExitCodes.BadInput : ExitCodes.Success;

        var sensors = files
            .GroupBy(f => Path.GetDirectoryName(Path.GetFullPath(f)) ?? "/", StringComparer.Ordinal)
            .Where(g => shard.Contains(g.Key))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        var (model, modelPath, note) = PipelineOptions.LoadModel(null, false);
        if (note is not null) CliConsole.Info(note);
        // Records are keyed by capture, so replaying an archive again (after a crash, or to finish it) publishes the
        // same identities and the aggregator drops those it already has.
        var fingerprint = RunFingerprint.Of(["fleet replay"], [modelPath, modelPath is null ? null : Learning.AnomalyModel.MetadataPath(modelPath)]);
        var spoolRoot = parse.GetValue(Def.SpoolRoot);
        CliConsole.Info($"replaying {sensors.Count} capture folders of {files.Count} captures (shard {shard.Index}/{shard.Count}) to {target}");
        foreach (var folder in sensors)
        {
            if (cancel.IsCancellationRequested) break;
            var sensor = Path.GetFileName(folder.Key) is { Length: > 0 } name ? name : "root";
            var options = new PublisherOptions
            {
                SensorId = sensor,
                SpoolDirectory = spoolRoot is null ? PublishOptions.DefaultSpool(sensor) : Path.Combine(spoolRoot, PublishOptions.SafeFileName(sensor)),
                RunFingerprint = fingerprint,
            };
            RecordPublisher publisher;
            try { publisher = RecordPublisher.Start(options, new RedisStreamTransport(target, RedisStreamTransport.DefaultMaxStreamLength, PublishOptions.CommandTimeout), PublishOptions.ReportStateChange); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
            {
                CliConsole.Error($"sensor {sensor}: spool {options.SpoolDirectory}: {e.Message}");
                exit = ExitCodes.BadInput;
                continue;
            }
            var settings = new PipelineSettings { AlertsPath = null, Model = model, Publisher = publisher };
            var batch = new BatchAnalyzer(settings, Environment.ProcessorCount).Run([.. folder], null, cancel);
            foreach (var (file, result) in batch.Files)
            {
                if (result.Succeeded) continue;
                CliConsole.Error($"{file}: {result.Error}");
                exit = ExitCodes.BadInput;
            }
            CliConsole.Info($"sensor {sensor}: {folder.Count()} captures, {batch.Statistics.Alerts:N0} alerts; " +
                await PublishOptions.FinishAsync(publisher, Analyze.AnalyzeCommand.PublishDrainTimeout));
        }
        return exit;
    }
}
