using System.CommandLine;
using Analyzer.Cli.Usage;
using Analyzer.Capture;
using Analyzer.Census;
using Analyzer.Output;
using Analyzer.Output.Report;
using Analyzer.Pipeline;
using Def = Analyzer.Cli.Commands.Report.ReportCommandDefinition;

namespace Analyzer.Cli.Commands.Report;

/// <summary>
/// Runs the pipeline over the captures (into scratch files, as 'analyze' writes them) or takes an earlier run's
/// files, reads them back, and prints the census; with --html also writes the page.
/// </summary>
public static class ReportCommand
{
    public static int Run(ParseResult parse, CancellationToken cancel)
    {
        if (Def.CombinationError(parse) is { } usage)
        {
            CliConsole.Error(usage);
            return ExitCodes.Usage;
        }
        var paths = parse.GetValue(Def.Paths) ?? [];
        var html = parse.GetValue(Def.Html);
        var settings = Def.Pipeline.ToSettings(parse, out _);
        if (html is not null)
        {
            // The one collision check of every verb: links and hard links to an input count as the input.
            var inputs = CaptureInputs.Expand(paths).Files.Concat(paths).Select(p => new NamedPath("the input capture", p))
                .Concat(new[] { Def.Devices, Def.Alerts, Def.Mappings, Def.Events, Def.Flows }
                    .Where(o => parse.GetValue(o) is not null).Select(o => new NamedPath(o.Name, parse.GetValue(o)!)))
                .ToList();
            if (OutputCollisions.Find([new NamedPath("--html", html)], inputs) is { } collision)
            {
                CliConsole.Error(collision);
                return ExitCodes.Usage;
            }
            if (CsvOutput.CheckWritable(html) is { } problem)
            {
                CliConsole.Error(problem);
                return ExitCodes.BadInput;
            }
        }

        RunRecords records;
        string source;
        int exit = ExitCodes.Success;
        try
        {
            if (paths.Length > 0)
            {
                (records, exit) = FromCaptures(paths, settings, parse.GetValue(Def.Jobs), cancel);
                source = string.Join(", ", paths);
            }
            else
            {
                records = RunRecordsReader.Read(parse.GetValue(Def.Devices), parse.GetValue(Def.Mappings), parse.GetValue(Def.Alerts),
                    parse.GetValue(Def.Events), parse.GetValue(Def.Flows));
                source = "earlier run: " + parse.GetValue(Def.Devices);
            }
        }
        catch (CensusInputException e)
        {
            CliConsole.Error(e.Message);
            return ExitCodes.BadInput;
        }
        if (records.RowsDropped > 0) CliConsole.Warn($"{records.RowsDropped} rows beyond {RunRecordsReader.MaxRows} per file were not read");

        var census = CensusBuilder.Build(records, settings.Network);
        CensusTextReport.Write(Console.Out, census, source);
        if (html is not null)
        {
            using var writer = new StreamWriter(html, append: false, new System.Text.UTF8Encoding(false));
            CensusHtmlReport.Write(writer, census, source);
            CliConsole.Info($"wrote {html}");
        }
        return exit;
    }

    private static (RunRecords, int) FromCaptures(string[] paths, PipelineSettings settings, int jobs, CancellationToken cancel)
    {
        var (files, inputErrors) = CaptureInputs.Expand(paths);
        foreach (var e in inputErrors) CliConsole.Error(e);
        int exit = inputErrors.Count > 0 ? ExitCodes.BadInput : ExitCodes.Success;
        var scratch = Directory.CreateTempSubdirectory("analyzer-report-").FullName;
        try
        {
            string At(string name) => Path.Combine(scratch, name);
            var run = settings with
            {
                AlertsPath = At("alerts.csv"), EventsPath = At("events.csv"), FlowsPath = At("flows.csv"), AllFlows = true,
                MappingsPath = At("mappings.csv"), DevicesPath = At("devices.csv"),
            };
            var batch = new BatchAnalyzer(run, jobs).Run(files, null, cancel);
            foreach (var (file, result) in batch.Files)
            {
                foreach (var warning in result.Warnings) CliConsole.Warn($"{file}: {warning}");
                if (!result.Succeeded)
                {
                    CliConsole.Error($"{file}: {result.Error}");
                    exit = ExitCodes.BadInput;
                }
            }
            bool wrote = File.Exists(run.DevicesPath);
            var records = wrote
                ? RunRecordsReader.Read(run.DevicesPath, run.MappingsPath, run.AlertsPath, run.EventsPath, run.FlowsPath)
                : new RunRecords([], [], [], [], []);
            return (records, exit);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }
}
