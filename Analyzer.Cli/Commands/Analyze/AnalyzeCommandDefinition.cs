using System.CommandLine;

namespace Analyzer.Cli.Commands.Analyze;

/// <summary>`analyzer analyze PATH...`: offline analysis of pcap/pcapng files and directories.</summary>
public static class AnalyzeCommandDefinition
{
    public static readonly Argument<string[]> Paths = new("PATH")
    {
        Description = "Capture files (pcap or pcapng, recognized by content) or directories to search for them",
        Arity = ArgumentArity.OneOrMore,
    };

    public static readonly Option<int> Jobs = new("--jobs", "-j")
    {
        Description = "Captures analyzed in parallel, each in its own pipeline; results are identical to --jobs 1",
        DefaultValueFactory = _ => Environment.ProcessorCount,
    };

    public static readonly PipelineOptions Pipeline = new();

    public static Command Create()
    {
        Jobs.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--jobs must be at least 1"); });
        var command = new Command("analyze", "Analyze saved captures and write alerts (and optionally events and flows) as CSV") { Paths, Jobs };
        Pipeline.AddTo(command);
        command.SetAction((parseResult, cancel) => Task.FromResult(AnalyzeCommand.Run(parseResult, cancel)));
        return command;
    }
}
