using System.CommandLine;
using Analyzer.Pipeline;
using Analyzer.Rules;

namespace Analyzer.Cli.Commands;

/// <summary>The options every verb that runs the pipeline takes (analyze, sniff), and the settings they make.</summary>
public sealed class PipelineOptions
{
    public Option<string> Alerts { get; } = CommonOptions.Alerts();
    public Option<string?> Events { get; } = CommonOptions.Events();
    public Option<string?> Flows { get; } = CommonOptions.Flows();
    public Option<bool> AllFlows { get; } = CommonOptions.AllFlows();
    public Option<string[]> Lan { get; } = CommonOptions.Lan();
    public Option<bool> NoRules { get; } = CommonOptions.NoRules();

    public void AddTo(Command command)
    {
        command.Add(Alerts);
        command.Add(Events);
        command.Add(Flows);
        command.Add(AllFlows);
        command.Add(Lan);
        command.Add(NoRules);
    }

    public PipelineSettings ToSettings(ParseResult parse)
    {
        var lan = parse.GetValue(Lan);
        return new PipelineSettings
        {
            AlertsPath = parse.GetValue(Alerts)!,
            EventsPath = parse.GetValue(Events),
            FlowsPath = parse.GetValue(Flows),
            AllFlows = parse.GetValue(AllFlows),
            RulesEnabled = !parse.GetValue(NoRules),
            Network = new NetworkContext(lan is { Length: > 0 } ? lan.Select(IpPrefix.Parse) : null),
        };
    }
}
