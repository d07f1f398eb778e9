using System.CommandLine;
using Analyzer.Learning;
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
    public Option<string?> Model { get; } = CommonOptions.Model();
    public Option<bool> NoModel { get; } = CommonOptions.NoModel();

    /// <summary>Set by <see cref="ToSettings"/> when the default model was not found: the verb says so once.</summary>
    public string? ModelNote { get; private set; }

    public void AddTo(Command command)
    {
        command.Add(Alerts);
        command.Add(Events);
        command.Add(Flows);
        command.Add(AllFlows);
        command.Add(Lan);
        command.Add(NoRules);
        command.Add(Model);
        command.Add(NoModel);
    }

    /// <exception cref="ModelFileException">An explicit --model (or a present default model) cannot be used.</exception>
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
            Model = LoadModel(parse),
        };
    }

    private AnomalyModel? LoadModel(ParseResult parse)
    {
        ModelNote = null;
        if (parse.GetValue(NoModel)) return null;
        if (parse.GetValue(Model) is { } explicitPath) return AnomalyModel.Load(explicitPath);
        if (File.Exists(CommonOptions.DefaultModelPath)) return AnomalyModel.Load(CommonOptions.DefaultModelPath);
        ModelNote = $"note: no model at {CommonOptions.DefaultModelPath}: ran without the learned model (see --model, 'analyzer train')";
        return null;
    }
}
