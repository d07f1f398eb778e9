namespace Analyzer.Rules;

/// <summary>The rule set the sensor ships with.</summary>
public static class BuiltInRules
{
    public static IReadOnlyList<IRule> Create() => [];
}
