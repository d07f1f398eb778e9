namespace Analyzer.Configuration;

/// <summary>Per-rule settings: turn a rule off, or change its severity.</summary>
public sealed class RuleOverride
{
    public bool? Enabled { get; set; }
    public string? Severity { get; set; }
}
