using Analyzer.Generation;
using Analyzer.Generation.Scenarios;

namespace Analyzer.Tests.Generation;

/// <summary>Every scenario generated once with seed 1, shared by the tests that only read the result.</summary>
public sealed class GeneratedCorpus
{
    public const int Seed = 1;

    public IReadOnlyDictionary<string, GeneratedCapture> Captures { get; } =
        ScenarioCatalog.All.ToDictionary(s => s.Name, s => CaptureGenerator.Generate(s, Seed));

    public static TheoryData<string> ScenarioNames()
    {
        var data = new TheoryData<string>();
        foreach (string name in ScenarioCatalog.Names) data.Add(name);
        return data;
    }
}
