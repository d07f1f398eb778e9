namespace Analyzer.Alerts;

/// <summary>Alert severity; written in lower case.</summary>
public enum Severity : byte
{
    Info,
    Low,
    Medium,
    High,
    Critical,
}
