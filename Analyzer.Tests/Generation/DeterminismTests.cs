using Analyzer.Generation;
using Analyzer.Generation.Capture;
using Analyzer.Generation.Scenarios;
using Analyzer.Tests.Support;

namespace Analyzer.Tests.Generation;

public class DeterminismTests(GeneratedCorpus corpus) : IClassFixture<GeneratedCorpus>
{
    [Fact]
    public void TheSameSeedGivesTheSameFramesAndLabelsForEveryScenario()
    {
        foreach (var scenario in ScenarioCatalog.All)
        {
            var again = CaptureGenerator.Generate(scenario, GeneratedCorpus.Seed);
            var first = corpus.Captures[scenario.Name];
            Assert.Equal(first.FileName, again.FileName);
            Assert.Equal(first.Labels, again.Labels);
            Assert.Equal(first.Frames.Count, again.Frames.Count);
            for (int i = 0; i < first.Frames.Count; i++)
            {
                Assert.Equal(first.Frames[i].TimestampUs, again.Frames[i].TimestampUs);
                Assert.Equal(first.Frames[i].Data, again.Frames[i].Data);
            }
        }
    }

    [Fact]
    public void TheSameSeedWritesTheSameFileBytes()
    {
        using var first = new TempDir();
        using var second = new TempDir();
        IScenario[] scenarios = [ScenarioCatalog.Find("callstranger")!, ScenarioCatalog.Find("pcp-third-party")!];

        CaptureGenerator.WriteCorpus(first.Path, scenarios, seed: 42, CaptureFileFormat.Pcap);
        CaptureGenerator.WriteCorpus(second.Path, scenarios, seed: 42, CaptureFileFormat.Pcap);
        CaptureGenerator.WriteCorpus(first.File("ng"), scenarios, seed: 42, CaptureFileFormat.PcapNg);
        CaptureGenerator.WriteCorpus(second.File("ng"), scenarios, seed: 42, CaptureFileFormat.PcapNg);

        string[] files = ["callstranger.pcap", "pcp-third-party.pcap", "labels.csv", "ng/callstranger.pcapng", "ng/labels.csv"];
        foreach (string file in files)
            Assert.True(File.ReadAllBytes(first.File(file)).SequenceEqual(File.ReadAllBytes(second.File(file))), file);
    }

    [Fact]
    public void ADifferentSeedChangesEveryCapture()
    {
        foreach (var scenario in ScenarioCatalog.All)
        {
            var other = CaptureGenerator.Generate(scenario, GeneratedCorpus.Seed + 1);
            var first = corpus.Captures[scenario.Name];
            bool same = first.Frames.Count == other.Frames.Count
                && first.Frames.Zip(other.Frames).All(p => p.First.Data.AsSpan().SequenceEqual(p.Second.Data));
            Assert.False(same, scenario.Name);
        }
    }

    [Fact]
    public void AScenarioGeneratedAloneIsTheSameAsAmongAllTheOthers()
    {
        var alone = CaptureGenerator.Generate(ScenarioCatalog.Find("callstranger")!, GeneratedCorpus.Seed);

        Assert.Equal(corpus.Captures["callstranger"].Frames.Select(f => f.Data), alone.Frames.Select(f => f.Data));
    }

    [Fact]
    public void AForcedFormatOverridesBothTheSeedAndTheScenario()
    {
        foreach (string name in new[] { "demo-home-attacks", "callstranger" })
        {
            var scenario = ScenarioCatalog.Find(name)!;
            Assert.EndsWith(".pcapng", CaptureGenerator.Generate(scenario, 1, CaptureFileFormat.PcapNg).FileName);
            Assert.EndsWith(".pcap", CaptureGenerator.Generate(scenario, 1, CaptureFileFormat.Pcap).FileName);
        }
    }
}
