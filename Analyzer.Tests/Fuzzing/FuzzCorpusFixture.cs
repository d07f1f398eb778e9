namespace Analyzer.Tests.Fuzzing;

/// <summary>The seed corpus and targets, loaded once for the bounded fuzz run of the test suite.</summary>
public sealed class FuzzCorpusFixture
{
    public FuzzCorpusFixture()
    {
        Corpus = SeedCorpus.Load();
        Targets = FuzzTargets.Create(Corpus).ToDictionary(t => t.Name);
    }

    public SeedCorpus Corpus { get; }
    public IReadOnlyDictionary<string, FuzzTarget> Targets { get; }
}
