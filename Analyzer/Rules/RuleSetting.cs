using Analyzer.Output;

namespace Analyzer.Rules;

/// <summary>A rule's configured state: enabled or not, and a severity replacing its default.</summary>
public sealed record RuleSetting(bool Enabled, Severity? Severity);
