using Analyzer.Rules;

namespace Analyzer.Configuration;

/// <summary>
/// The configuration file (<c>--config</c>, YAML or JSON, snake_case keys): the network, thresholds, allowlists
/// and per-rule settings. Every key is optional; an unknown key is an error, so a typo never silently does nothing.
/// See <c>config.example.yaml</c> at the repository root.
/// </summary>
public sealed class SensorConfig
{
    public NetworkSection Network { get; set; } = new();
    public RuleThresholds Thresholds { get; set; } = new();
    /// <summary>Addresses or prefixes no rule ever alerts on (as source or destination).</summary>
    public List<string> Allowlist { get; set; } = [];
    public Dictionary<string, RuleOverride> Rules { get; set; } = [];
    public PublishSection Publish { get; set; } = new();
}
