using Analyzer.Rules;

namespace Analyzer.Pipeline;

/// <summary>Everything the pipeline is built from; the CLI fills it from options and the configuration file.</summary>
public sealed record PipelineSettings
{
    /// <summary>Alert CSV path ("-" for standard output).</summary>
    public string AlertsPath { get; init; } = "alerts.csv";
    public string? EventsPath { get; init; }
    public string? FlowsPath { get; init; }
    /// <summary>Write every flow to the flow log, not only those that carried UPnP-family traffic.</summary>
    public bool AllFlows { get; init; }
    public bool RulesEnabled { get; init; } = true;
    public NetworkContext Network { get; init; } = new();
    public RuleThresholds Thresholds { get; init; } = new();
    public Flows.FlowTableLimits FlowLimits { get; init; } = new();
    /// <summary>Per-rule enable/severity from the configuration file, by rule id.</summary>
    public IReadOnlyDictionary<string, RuleSetting> RuleSettings { get; init; } = new Dictionary<string, RuleSetting>();

    /// <summary>Every output path, for checking before any capture work that each can be written.</summary>
    public IEnumerable<string> OutputPaths()
    {
        yield return AlertsPath;
        if (EventsPath is not null) yield return EventsPath;
        if (FlowsPath is not null) yield return FlowsPath;
    }
}
