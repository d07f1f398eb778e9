using System.CommandLine;
using Analyzer.Cli.Usage;

namespace Analyzer.Cli.Commands.Analyze;

/// <summary>`analyzer analyze PATH...`: offline analysis of pcap/pcapng files and directories.</summary>
public static class AnalyzeCommandDefinition
{
    public static readonly Argument<string[]> Paths = new("PATH")
    {
        Description = "Capture files (pcap or pcapng, recognized by content) or directories to search for them",
        Arity = ArgumentArity.OneOrMore,
    };

    /// <summary>More parallel pipelines than this only add memory: each holds its own flow and rule state.</summary>
    public const int MaxJobs = 256;

    public static readonly Option<int> Jobs = NumberRange.Whole(new Option<int>("--jobs", "-j")
    {
        Description = "Threads the analysis may use: captures in parallel, each in its own pipeline, and a capture given two or more is read, decoded and judged (rules, model, outputs) on three threads (one with --evidence); results are identical to --jobs 1",
        DefaultValueFactory = _ => Math.Min(Environment.ProcessorCount, MaxJobs),
    }, 1, MaxJobs);

    public static readonly PipelineOptions Pipeline = new();

    public static Command Create()
    {
        var command = new Command("analyze", "Analyze saved captures and write alerts (and optionally events and flows) as CSV") { Paths, Jobs };
        Pipeline.AddTo(command);
        command.SetAction((parseResult, cancel) => Task.FromResult(AnalyzeCommand.Run(parseResult, cancel)));
        return command;
    }
}
