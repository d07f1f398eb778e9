using Analyzer.Rules;

namespace Analyzer.Pipeline;

/// <summary>Everything the pipeline is built from; the CLI fills it from options and the configuration file.</summary>
public sealed record PipelineSettings
{
    /// <summary>Alert CSV path ("-" for standard output); null writes no alert file (training reads features only).</summary>
    public string? AlertsPath { get; init; } = "alerts.csv";
    public string? EventsPath { get; init; }
    public string? FlowsPath { get; init; }
    /// <summary>Port-mapping ledger CSV (<c>--mappings</c>): one row per IGD/NAT-PMP/PCP mapping request and expiry.</summary>
    public string? MappingsPath { get; init; }
    /// <summary>Device inventory CSV (<c>--devices</c>): one row per device seen, written at the end.</summary>
    public string? DevicesPath { get; init; }
    /// <summary>The format of every output file (<c>--format</c>): CSV, or JSON lines in the style of EVE.</summary>
    public Output.OutputFormat Format { get; init; } = Output.OutputFormat.Csv;
    /// <summary>
    /// Directory for the packets of each alert as a small pcap (<c>--evidence</c>), named in the alert's
    /// <c>evidence</c> column; null keeps no packets and writes no such column.
    /// </summary>
    public string? EvidenceDirectory { get; init; }
    public AlertPackets.EvidenceLimits EvidenceLimits { get; init; } = new();
    /// <summary>Write every flow to the flow log, not only those that carried UPnP-family traffic.</summary>
    public bool AllFlows { get; init; }
    public bool RulesEnabled { get; init; } = true;
    /// <summary>Alerts below this severity are not written to any alert output (<c>--min-severity</c>).</summary>
    public Alerts.Severity MinSeverity { get; init; } = Alerts.Severity.Info;
    public NetworkContext Network { get; init; } = new();
    public RuleThresholds Thresholds { get; init; } = new();
    public Flows.FlowTableLimits FlowLimits { get; init; } = new();
    /// <summary>Per-rule enable/severity from the configuration file, by rule id.</summary>
    public IReadOnlyDictionary<string, RuleSetting> RuleSettings { get; init; } = new Dictionary<string, RuleSetting>();
    /// <summary>The learned model that scores host windows and raises anomaly alerts; null runs without one.</summary>
    public Learning.AnomalyModel? Model { get; init; }

    /// <summary>
    /// Where alerts, mappings and devices (and events, with <see cref="PublishEvents"/>) are also sent as JSON records
    /// (<c>--publish</c>); null publishes nothing. Shared by the pipelines of a batch; the caller starts and drains it.
    /// </summary>
    public Publishing.RecordPublisher? Publisher { get; init; }
    public bool PublishEvents { get; init; }

    /// <summary>Every output file as (path, its standard file name), the one list of what the pipeline writes.</summary>
    public IEnumerable<(string Path, string Name)> Outputs()
    {
        string ext = FileExtension;
        if (AlertsPath is not null) yield return (AlertsPath, "alerts" + ext);
        if (EventsPath is not null) yield return (EventsPath, "events" + ext);
        if (FlowsPath is not null) yield return (FlowsPath, "flows" + ext);
        if (MappingsPath is not null) yield return (MappingsPath, "mappings" + ext);
        if (DevicesPath is not null) yield return (DevicesPath, "devices" + ext);
    }

    /// <summary>The extension of the standard file names in <see cref="Format"/>: ".csv" or ".jsonl".</summary>
    public string FileExtension => Format == Output.OutputFormat.JsonLines ? ".jsonl" : ".csv";

    /// <summary>Every output path, for checking before any capture work that each can be written.</summary>
    public IEnumerable<string> OutputPaths() => Outputs().Select(o => o.Path);
}
