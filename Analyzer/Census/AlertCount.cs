namespace Analyzer.Census;

/// <summary>Alerts of one category, split by severity (keyed by the severity as written in the alert file).</summary>
public sealed record AlertCount(string Category, int Total, IReadOnlyDictionary<string, int> BySeverity);
