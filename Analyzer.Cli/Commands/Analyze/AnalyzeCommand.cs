using System.CommandLine;
using System.Diagnostics;
using Analyzer.AlertPackets;
using Analyzer.Capture;
using Analyzer.Cli.Usage;
using Analyzer.Output;
using Analyzer.Pipeline;

namespace Analyzer.Cli.Commands.Analyze;

/// <summary>Builds the pipeline from the options and runs every input file through it.</summary>
public static class AnalyzeCommand
{
    public static int Run(ParseResult parse, CancellationToken cancel)
    {
        var pipeline = AnalyzeCommandDefinition.Pipeline;
        CliConsole.Quiet = parse.GetValue(pipeline.Quiet);
        var settings = pipeline.StartPublishing(parse, pipeline.ToSettings(parse, out var model), model, offline: true,
            deliveryOnly: [AnalyzeCommandDefinition.Jobs]);
        StartupTrace.Mark("settings and model loaded");
        try
        {
            return Analyze(parse.GetValue(AnalyzeCommandDefinition.Paths)!, settings, parse.GetValue(AnalyzeCommandDefinition.Jobs),
                pipeline.ReadFiles(parse, model).ToList(), cancel, model.Note);
        }
        finally
        {
            if (settings.Publisher is { } publisher)
                CliConsole.Info(PublishOptions.FinishAsync(publisher, PublishDrainTimeout).GetAwaiter().GetResult());
        }
    }

    /// <summary>How long the end of a run waits for the broker to take what is spooled; the rest waits for the next run.</summary>
    public static readonly TimeSpan PublishDrainTimeout = TimeSpan.FromSeconds(10);

    /// <param name="modelNote">Printed at the end when no default model was found.</param>
    public static int Analyze(IReadOnlyList<string> paths, PipelineSettings settings, int jobs, IReadOnlyList<NamedPath> readFiles,
        CancellationToken cancel, string? modelNote = null)
    {
        if (settings.EvidenceDirectory is { } evidence && EvidenceRecorder.CheckDirectory(evidence) is { } evidenceProblem)
        {
            CliConsole.Error(evidenceProblem);
            return ExitCodes.BadInput;
        }

        var (files, inputErrors) = CaptureInputs.Expand(paths);
        var outputs = PipelineOptions.Outputs(settings).ToList();
        var inputs = files.Select(f => new NamedPath("the input capture", f)).Concat(readFiles).ToList();
        if (OutputPreflight.Check(outputs, inputs) is { } refused) return refused;
        foreach (var e in inputErrors) CliConsole.Error(e);
        int exit = inputErrors.Count > 0 ? ExitCodes.BadInput : ExitCodes.Success;

        var clock = Stopwatch.StartNew();
        var progress = new ProgressReporter(files, stderrIsTerminal: !Console.IsErrorRedirected && !CliConsole.Quiet);
        StartupTrace.Mark("outputs checked");
        var batch = new BatchAnalyzer(settings, jobs).Run(files, progress.ForFile, cancel);
        progress.Done();
        StartupTrace.Mark("inputs analyzed");
        foreach (var (file, result) in batch.Files)
        {
            foreach (var warning in result.Warnings) CliConsole.Warn($"{file}: {warning}");
            if (!result.Succeeded)
            {
                CliConsole.Error($"{file}: {result.Error}");
                exit = ExitCodes.BadInput;
            }
        }
        CliConsole.Info(RunSummary.Format(batch.Statistics, clock.Elapsed));
        CliConsole.Info(OutputPreflight.WrittenLine(outputs));
        if (modelNote is not null) CliConsole.Info(modelNote);
        return exit;
    }
}
