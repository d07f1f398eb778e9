namespace Analyzer.Generation.Scenarios;

/// <summary>Every scenario the generator knows, benign first, in the order <c>--list</c> shows them.</summary>
public static class ScenarioCatalog
{
    public static IReadOnlyList<IScenario> All { get; } =
    [
        new NormalDiscoveryScenario(),
    ];

    public static IScenario? Find(string name) =>
        All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    public static IEnumerable<string> Names => All.Select(s => s.Name);
}
