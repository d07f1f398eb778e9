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

    public static readonly Option<string> Alerts = CommonOptions.Alerts();
    public static readonly Option<string?> Events = CommonOptions.Events();
    public static readonly Option<string?> Flows = CommonOptions.Flows();
    public static readonly Option<bool> AllFlows = CommonOptions.AllFlows();
    public static readonly Option<string[]> Lan = CommonOptions.Lan();
    public static readonly Option<bool> NoRules = CommonOptions.NoRules();

    public static Command Create()
    {
        var command = new Command("analyze", "Analyze saved captures and write alerts (and optionally events and flows) as CSV")
        {
            Paths, Alerts, Events, Flows, AllFlows, Lan, NoRules,
        };
        command.SetAction((parseResult, cancel) => Task.FromResult(AnalyzeCommand.Run(parseResult, cancel)));
        return command;
    }
}
