using Analyzer.Generation;
using Analyzer.Generation.Capture;
using Analyzer.Generation.Scenarios;

namespace Analyzer.Cli.Commands.Generate;

/// <summary>
/// Runs <c>analyzer generate</c>. Exit codes (<see cref="ExitCodes"/>): 0 done, 1 I/O or library error, 2 usage error
/// (no --out, unknown format, unknown scenario: one line on stderr naming the valid ones).
/// </summary>
public static class GenerateCommand
{
    public static int Run(GenerateOptions options, TextWriter output, TextWriter error)
    {
        if (options.List)
        {
            int width = ScenarioCatalog.All.Max(s => s.Name.Length);
            foreach (var scenario in ScenarioCatalog.All)
                output.WriteLine($"{scenario.Name.PadRight(width)}  {scenario.Label,-19}  {scenario.Description}");
            return ExitCodes.Success;
        }

        if (options.Out is null)
        {
            error.WriteLine("error: --out DIR is required (or --list)");
            return ExitCodes.Usage;
        }

        CaptureFileFormat? format;
        switch (options.Format?.ToLowerInvariant())
        {
            case null: format = null; break;
            case "pcap": format = CaptureFileFormat.Pcap; break;
            case "pcapng": format = CaptureFileFormat.PcapNg; break;
            default:
                error.WriteLine($"error: unknown format '{options.Format}' (expected pcap or pcapng)");
                return ExitCodes.Usage;
        }

        var scenarios = new List<IScenario>();
        foreach (string name in options.Scenarios.Count == 0 ? ScenarioCatalog.Names : options.Scenarios)
        {
            var scenario = ScenarioCatalog.Find(name);
            if (scenario is null)
            {
                error.WriteLine($"error: unknown scenario '{name}'; valid: {string.Join(", ", ScenarioCatalog.Names)}");
                return ExitCodes.Usage;
            }
            if (!scenarios.Contains(scenario)) scenarios.Add(scenario);
        }

        try
        {
            var captures = CaptureGenerator.WriteCorpus(options.Out.FullName, scenarios, options.Seed, format);
            foreach (var capture in captures)
                output.WriteLine($"{capture.FileName}: {capture.Frames.Count} frames, {capture.Scenario.Label}");
            output.WriteLine($"labels: {Path.Combine(options.Out.FullName, Analyzer.Labels.LabelsFile.FileName)}");
            return ExitCodes.Success;
        }
        catch (CaptureWriterException e)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.BadInput;
        }
    }
}
