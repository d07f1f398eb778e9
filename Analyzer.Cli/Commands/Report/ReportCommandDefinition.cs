using System.CommandLine;
using Analyzer.Cli.Usage;
using System.CommandLine.Parsing;

namespace Analyzer.Cli.Commands.Report;

/// <summary>
/// `analyzer report PATH... [--html FILE]` or `analyzer report --devices FILE [--alerts FILE --mappings FILE
/// --events FILE --flows FILE]`: the census of a network, from captures or from the outputs of an earlier run.
/// </summary>
public static class ReportCommandDefinition
{
    public static readonly Argument<string[]> Paths = new("PATH")
    {
        Description = "Capture files or directories, analyzed as 'analyze' does; omit them to report on the files of an earlier run",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public static readonly Option<string?> Html = new("--html")
    {
        HelpName = "FILE",
        Description = "Also write the report as one self-contained HTML page (inline CSS and SVG plots) to this file",
    };

    public static readonly Option<string?> Devices = new("--devices")
    {
        HelpName = "FILE",
        Description = "Device inventory CSV of an earlier run (analyze --devices): report on it instead of captures",
    };

    public static readonly Option<string?> Alerts = new("--alerts")
    {
        HelpName = "FILE",
        Description = "Alert CSV of the same earlier run",
    };

    public static readonly Option<string?> Mappings = new("--mappings")
    {
        HelpName = "FILE",
        Description = "Port-mapping ledger CSV of the same earlier run (analyze --mappings)",
    };

    public static readonly Option<string?> Events = new("--events")
    {
        HelpName = "FILE",
        Description = "Event log CSV of the same earlier run (analyze --events), for the timeline",
    };

    public static readonly Option<string?> Flows = new("--flows")
    {
        HelpName = "FILE",
        Description = "Flow CSV of the same earlier run (analyze --flows --all-flows), for the hosts seen",
    };

    public static readonly Option<int> Jobs = NumberRange.Whole(new Option<int>("--jobs", "-j")
    {
        Description = "Captures analyzed in parallel, each in its own pipeline",
        HelpName = "N",
        DefaultValueFactory = _ => Math.Min(Environment.ProcessorCount, Analyze.AnalyzeCommandDefinition.MaxJobs),
    }, 1, Analyze.AnalyzeCommandDefinition.MaxJobs);

    /// <summary>The pipeline's options that shape a report's run (its output options are the report's own inputs).</summary>
    public static readonly PipelineOptions Pipeline = new();

    /// <summary>
    /// The usage error of a parse whose options each parsed, or null. Judged after parsing (not as a command
    /// validator) so that an option's own error, such as a missing value, is the one line the user sees.
    /// </summary>
    public static string? CombinationError(ParseResult parse)
    {
        bool captures = parse.GetValue(Paths) is { Length: > 0 };
        bool earlier = new[] { Devices, Alerts, Mappings, Events, Flows }.Any(o => parse.GetResult(o) is not null);
        if (captures && earlier) return "report: give captures or the files of an earlier run (--devices, --alerts, ...), not both";
        if (!captures && parse.GetValue(Devices) is null)
            return "report: give captures to analyze, or --devices FILE (with --alerts, --mappings, --events, --flows) of an earlier run";
        return null;
    }

    public static Command Create()
    {
        var command = new Command("report", "Census of a network (devices by class, stacks and outdated versions, CVEs, open port mappings, alerts, timeline) from captures or an earlier run's CSV files; text on stdout, optionally an HTML page")
        {
            Paths, Html, Devices, Alerts, Mappings, Events, Flows, Jobs,
            Pipeline.Config, Pipeline.Lan, Pipeline.NoRules, Pipeline.Model, Pipeline.NoModel,
        };
        command.SetAction((parseResult, cancel) => Task.FromResult(ReportCommand.Run(parseResult, cancel)));
        return command;
    }
}
