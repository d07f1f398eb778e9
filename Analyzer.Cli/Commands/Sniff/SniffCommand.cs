using System.CommandLine;
using System.Diagnostics;
using Analyzer.AlertPackets;
using Analyzer.Capture;
using Analyzer.Cli.Usage;
using Analyzer.Output;
using Analyzer.Pipeline;

namespace Analyzer.Cli.Commands.Sniff;

/// <summary>Builds the pipeline and feeds it from a live interface until stopped.</summary>
public static class SniffCommand
{
    public static int Run(ParseResult parse, CancellationToken cancel)
    {
        var pipelineOptions = SniffCommandDefinition.Pipeline;
        CliConsole.Quiet = parse.GetValue(pipelineOptions.Quiet);
        var settings = pipelineOptions.StartPublishing(parse, pipelineOptions.ToSettings(parse, out var model), model, offline: false);
        double status = parse.GetValue(SniffCommandDefinition.StatusEvery);
        var options = new LiveCaptureOptions
        {
            Interface = parse.GetValue(SniffCommandDefinition.Interface)!,
            Filter = parse.GetValue(SniffCommandDefinition.Filter)!,
            Duration = parse.GetValue(SniffCommandDefinition.Duration) is double s ? TimeSpan.FromSeconds(s) : null,
            MaxPackets = parse.GetValue(SniffCommandDefinition.Count),
            WritePcap = parse.GetValue(SniffCommandDefinition.WritePcap),
            WritePcapMaxBytes = parse.GetValue(SniffCommandDefinition.WritePcapMaxMb) * 1024 * 1024,
            StatusInterval = status > 0 ? TimeSpan.FromSeconds(status) : null,
        };
        try
        {
            return Sniff(options, settings, pipelineOptions.ReadFiles(parse, model).ToList(), cancel, model.Note);
        }
        finally
        {
            if (settings.Publisher is { } publisher)
                CliConsole.Info(PublishOptions.FinishAsync(publisher, Analyze.AnalyzeCommand.PublishDrainTimeout).GetAwaiter().GetResult());
        }
    }

    /// <param name="modelNote">Printed at the end when no default model was found.</param>
    public static int Sniff(LiveCaptureOptions options, PipelineSettings settings, IReadOnlyList<NamedPath> readFiles, CancellationToken cancel,
        string? modelNote = null)
    {
        var outputs = PipelineOptions.Outputs(settings).ToList();
        if (options.WritePcap is { } pcap) outputs.Add(new NamedPath("--write-pcap", pcap));
        if (OutputPreflight.Check(outputs, readFiles) is { } refused) return refused;
        if (settings.EvidenceDirectory is { } evidence && EvidenceRecorder.CheckDirectory(evidence) is { } evidenceProblem)
        {
            CliConsole.Error(evidenceProblem);
            return ExitCodes.BadInput;
        }

        var clock = Stopwatch.StartNew();
        using var pipeline = new AnalyzerPipeline(settings);
        pipeline.BeginCapture("live:" + options.Interface);
        LiveCaptureStatus final;
        try
        {
            final = new LiveDeviceSource(options).Run(
                pipeline,
                now => { pipeline.Tick(now); pipeline.Flush(); },
                s => CliConsole.Info(StatusLine(s, pipeline, clock.Elapsed)),
                cancel,
                () => CliConsole.Info($"capturing on {options.Interface} with filter '{options.Filter}' (Ctrl+C to stop)"));
        }
        catch (CaptureException e)
        {
            CliConsole.Error(e.Message);
            return ExitCodes.BadInput;
        }
        finally
        {
            pipeline.Finish();
        }
        CliConsole.Info(RunSummary.Format(pipeline.Statistics, clock.Elapsed));
        CliConsole.Info(OutputPreflight.WrittenLine(outputs));
        CliConsole.Info(DropLine(final));
        if (modelNote is not null) CliConsole.Info(modelNote);
        return ExitCodes.Success;
    }

    private static string DropLine(LiveCaptureStatus s) => FormattableString.Invariant(
        $"capture: {s.Received:N0} packets received, {s.Processed:N0} analyzed; dropped: kernel {s.KernelDropped:N0}, interface {s.InterfaceDropped:N0}, queue {s.QueueDropped:N0}")
        + (s.PcapCapReached ? "; --write-pcap stopped at its size cap" : "");

    private static string StatusLine(LiveCaptureStatus s, AnalyzerPipeline p, TimeSpan elapsed) => FormattableString.Invariant(
        $"status: {elapsed.TotalSeconds:0}s, {s.Processed / Math.Max(elapsed.TotalSeconds, 1e-3):N0} packets/s, {p.Statistics.Alerts:N0} alerts, {s.TotalDropped:N0} dropped (kernel {s.KernelDropped:N0}, interface {s.InterfaceDropped:N0}, queue {s.QueueDropped:N0}), {p.ActiveFlows:N0} flows, {GC.GetTotalMemory(false) / 1048576.0:0} MB managed, {Environment.WorkingSet / 1048576.0:0} MB resident")
        + (p.Settings.Publisher is { } publisher ? "; " + publisher.Status.Summary() : "");
}
