using System.CommandLine;
using System.Diagnostics;
using Analyzer.AlertPackets;
using Analyzer.Capture;
using Analyzer.Output;
using Analyzer.Pipeline;

namespace Analyzer.Cli.Commands.Analyze;

/// <summary>Builds the pipeline from the options and runs every input file through it.</summary>
public static class AnalyzeCommand
{
    public static int Run(ParseResult parse, CancellationToken cancel)
    {
        var settings = AnalyzeCommandDefinition.Pipeline.ToSettings(parse);
        return Analyze(parse.GetValue(AnalyzeCommandDefinition.Paths)!, settings, parse.GetValue(AnalyzeCommandDefinition.Jobs), cancel);
    }

    public static int Analyze(IReadOnlyList<string> paths, PipelineSettings settings, int jobs, CancellationToken cancel)
    {
        foreach (var output in settings.OutputPaths())
            if (CsvOutput.CheckWritable(output) is { } problem)
            {
                CliConsole.Error(problem);
                return ExitCodes.BadInput;
            }
        if (settings.EvidenceDirectory is { } evidence && EvidenceRecorder.CheckDirectory(evidence) is { } evidenceProblem)
        {
            CliConsole.Error(evidenceProblem);
            return ExitCodes.BadInput;
        }

        var (files, inputErrors) = CaptureInputs.Expand(paths);
        foreach (var e in inputErrors) CliConsole.Error(e);
        int exit = inputErrors.Count > 0 ? ExitCodes.BadInput : ExitCodes.Success;

        var clock = Stopwatch.StartNew();
        var progress = new ProgressReporter(files, stderrIsTerminal: !Console.IsErrorRedirected);
        var batch = new BatchAnalyzer(settings, jobs).Run(files, progress.ForFile, cancel);
        progress.Done();
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
        if (AnalyzeCommandDefinition.Pipeline.ModelNote is { } note) CliConsole.Info(note);
        return exit;
    }
}
