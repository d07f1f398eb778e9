using Analyzer.Generation;
using Analyzer.Labels;
using Analyzer.Tests.Support;

namespace Analyzer.Tests.Generation;

/// <summary>samples/pcaps is what <c>analyzer generate --out samples/pcaps --seed 1</c> writes, and its README lists it.</summary>
public class CommittedCorpusTests(GeneratedCorpus corpus) : IClassFixture<GeneratedCorpus>
{
    [Fact]
    public void TheCommittedCapturesAndLabelsAreWhatSeedOneGenerates()
    {
        using var dir = new TempDir();
        foreach (var capture in corpus.Captures.Values)
        {
            CaptureGenerator.Write(capture, dir.Path);
            string committed = Path.Combine(Repo.Samples, capture.FileName);
            Assert.True(File.Exists(committed), $"{capture.FileName} is missing: regenerate samples/pcaps (see its README)");
            Assert.True(File.ReadAllBytes(committed).AsSpan().SequenceEqual(File.ReadAllBytes(dir.File(capture.FileName))),
                $"{capture.FileName} differs from the generator's output: regenerate samples/pcaps (see its README)");
        }

        var rows = LabelsFile.Read(Path.Combine(Repo.Samples, LabelsFile.FileName));
        Assert.Equal(corpus.Captures.Values.SelectMany(c => c.Labels).OrderBy(r => r.File, StringComparer.Ordinal),
            rows.OrderBy(r => r.File, StringComparer.Ordinal));
    }

    [Fact]
    public void TheReadmeNamesEveryCaptureAndTheCommandThatMakesThem()
    {
        string readme = File.ReadAllText(Path.Combine(Repo.Samples, "README.md"));

        Assert.Contains("generate --out samples/pcaps --seed " + GeneratedCorpus.Seed, readme);
        Assert.All(corpus.Captures.Values, c => Assert.Contains($"| {c.FileName} | {c.Scenario.Label} |", readme));
    }
}
