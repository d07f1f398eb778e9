namespace Analyzer.Configuration;

/// <summary>Per-rule settings: turn a rule off, change its severity, or allowlist hosts for it.</summary>
public sealed class RuleOverride
{
    public bool? Enabled { get; set; }
    public string? Severity { get; set; }
    /// <summary>Addresses or prefixes this rule never alerts on (as source or destination).</summary>
    public List<string> Allow { get; set; } = [];
}
