namespace Analyzer.Tests.Robustness;

/// <summary>
/// Resource attacks measure the managed heap: they run alone, so that another test's allocations are not counted
/// against them (nor theirs against another test's time).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ResourceAttackCollection
{
    public const string Name = "Resource attacks";
}
