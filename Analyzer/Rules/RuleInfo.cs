
namespace Analyzer.Rules;

/// <summary>A rule's stable identity: id (never reused), category, default severity and what it detects.</summary>
public sealed record RuleInfo(string Id, AlertCategory Category, Severity Severity, string Description);
