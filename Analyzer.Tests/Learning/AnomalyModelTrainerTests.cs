using Analyzer.Learning;
using Analyzer.Tests.Support;

namespace Analyzer.Tests.Learning;

public class AnomalyModelTrainerTests
{
    private static readonly AnomalyTrainerOptions Options = new() { Seed = 7 };

    [Fact]
    public void TrainingTwiceWithTheSameSeedReproducesTheSameMetricsThresholdAndModel()
    {
        var windows = SyntheticWindows.Make(seed: 3);
        var first = AnomalyModelTrainer.Train(windows, Options);
        var second = AnomalyModelTrainer.Train(windows, Options);

        Assert.Equal(first.Metadata.ToJson(), second.Metadata.ToJson());
        Assert.Equal(first.Model.Projection.Mean, second.Model.Projection.Mean);
        var probe = windows[5].Window.Features;
        Assert.Equal(new AnomalyScorer(first.Model).Score(probe), new AnomalyScorer(second.Model).Score(probe));
    }

    [Fact]
    public void ADifferentSeedSplitsTheDataDifferently()
    {
        var windows = SyntheticWindows.Make(seed: 3);
        var a = AnomalyModelTrainer.Train(windows, Options).Split;
        var b = AnomalyModelTrainer.Train(windows, Options with { Seed = 8 }).Split;
        Assert.NotEqual(a.Train.Select(w => (w.Window.Capture, w.Window.Host)), b.Train.Select(w => (w.Window.Capture, w.Window.Host)));
    }

    [Fact]
    public void ABenignWindowScoresBelowAndAnAttackWindowAboveTheThreshold()
    {
        var result = AnomalyModelTrainer.Train(SyntheticWindows.Make(seed: 3), Options);
        var scorer = new AnomalyScorer(result.Model);
        var random = new Random(99);
        var benign = SyntheticWindows.Window("new.pcap", Analyzer.Packets.NetAddress.Parse("192.168.1.20"), 1, SyntheticWindows.Benign(random, false));
        var attack = SyntheticWindows.Window("new.pcap", Analyzer.Packets.NetAddress.Parse("192.168.1.66"), 1,
            SyntheticWindows.Attack(random, Analyzer.Packets.NetAddress.Parse("192.168.1.66")));

        Assert.True(scorer.Score(benign.Features) < scorer.Threshold, $"benign {scorer.Score(benign.Features)} vs {scorer.Threshold}");
        Assert.True(scorer.Score(attack.Features) >= scorer.Threshold, $"attack {scorer.Score(attack.Features)} vs {scorer.Threshold}");
        Assert.Equal("portmap-abuse", scorer.LikelyCategory!.Value.Category);
        var top = scorer.Explain(attack.Raw, 3);
        Assert.Equal(3, top.Count);
        Assert.True(top[0].Share >= top[1].Share && top[1].Share >= top[2].Share);
    }

    [Fact]
    public void HeldOutMetricsComeFromWindowsNeverTrainedOn()
    {
        var result = AnomalyModelTrainer.Train(SyntheticWindows.Make(seed: 3), Options);
        var trained = result.Split.Train.Select(w => (w.Window.Capture, w.Window.Host)).ToHashSet();

        Assert.Contains(result.Split.Train, w => w.Label == WindowLabel.Attack);
        Assert.DoesNotContain(result.Split.Validation, w => trained.Contains((w.Window.Capture, w.Window.Host)));
        Assert.DoesNotContain(result.Split.Test, w => trained.Contains((w.Window.Capture, w.Window.Host)));
        var test = result.Metadata.Test!;
        Assert.Equal(result.Split.Test.Count, test.BenignWindows + test.AttackWindows);
        Assert.Equal(result.Metadata.Data.TestAttackWindows, test.AttackWindows);
        Assert.True(test.AttackWindows > 0 && test.BenignWindows > 0);
        Assert.StartsWith("false-alarm rate 1 % on ", result.Metadata.ThresholdRule);
        Assert.True(test.Recall > 0.9 && test.Precision > 0.9, result.Metadata.ToJson());
    }

    [Fact]
    public void TheRankIsChosenOnValidationUnlessGiven()
    {
        var windows = SyntheticWindows.Make(seed: 3);
        var chosen = AnomalyModelTrainer.Train(windows, Options).Metadata;
        // The synthetic benign windows vary in few features, which caps the candidate ranks.
        Assert.StartsWith("best validation recall less false-alarm rate of ranks 4, 8", chosen.RankRule);
        Assert.InRange(chosen.Rank, 1, 16);

        var given = AnomalyModelTrainer.Train(windows, Options with { Rank = 5 }).Metadata;
        Assert.Equal((5, "given"), (given.Rank, given.RankRule));
        var unlabelled = AnomalyModelTrainer.Train(SyntheticWindows.Make(seed: 3, withAttacks: false), Options).Metadata;
        Assert.Equal("default (no attack labels to choose with)", unlabelled.RankRule);
        Assert.InRange(unlabelled.Rank, 1, AnomalyModelTrainer.DefaultRank);
    }

    [Fact]
    public void TheDetectorsThresholdLetsTheStatedShareOfBenignValidationWindowsThrough()
    {
        var windows = SyntheticWindows.Make(seed: 3, withAttacks: false);
        var result = AnomalyModelTrainer.Train(windows, Options with { FalseAlarmRate = 0.1 });
        var scorer = new AnomalyScorer(result.Model);
        var validation = result.Split.Validation.Select(w => { scorer.Score(w.Window.Features); return scorer.DetectorScore; }).ToList();
        var m = result.Metadata;

        Assert.Empty(m.Classes);
        int above = validation.Count(s => s >= m.DetectorThreshold);
        Assert.Equal((int)Math.Floor(0.1 * validation.Count), above);
        Assert.True(m.DetectorThreshold <= validation.Max() * (1 + 1e-12), "not above the single worst benign window");
        Assert.Equal(above, m.Validation.FalsePositives);
        Assert.Null(m.Validation.Recall);
    }

    [Fact]
    public void FeaturesAreStandardizedOnBenignTrainingWindowsWithAFlooredSpread()
    {
        var result = AnomalyModelTrainer.Train(SyntheticWindows.Make(seed: 3), Options);
        var benign = result.Split.Train.Where(w => w.Label == WindowLabel.Benign).Select(w => w.Window.Features).ToList();
        var s = result.Model.Standardizer;
        int pcp = HostWindowFeatures.IndexOf("pcp_third_party");
        Assert.All(benign, v => Assert.Equal(0, v[pcp]));
        Assert.Equal((0.0, FeatureStandardizer.SpreadFloor), (s.Center[pcp], s.Spread[pcp]));
        int events = HostWindowFeatures.IndexOf("events_sent");
        Assert.Equal(benign.Average(v => (double)v[events]), s.Center[events], 5);
        Assert.All(s.Spread, spread => Assert.True(spread >= FeatureStandardizer.SpreadFloor));
    }

    [Fact]
    public void WithoutAGateTheDetectorFlagsAloneAndTheGateSilencesWhatTheCategoryModelCallsBenign()
    {
        Assert.Equal(2.0, WindowScore.Combine(4, 2, null, 0.5, 0.05));
        Assert.Equal(0.2, WindowScore.Combine(4, 2, 0.01, 0.5, 0.05), 12);
        Assert.Equal(2.0, WindowScore.Combine(4, 2, 0.1, 0.5, 0.05), 12);
        Assert.Equal(1.8, WindowScore.Combine(0, 2, 0.9, 0.5, 0.05), 12);
    }

    [Fact]
    public void TooFewBenignWindowsIsAnErrorThatSaysSo()
    {
        var windows = SyntheticWindows.Make(seed: 3, captures: 1, hostsPerCapture: 2, windowsPerHost: 1);
        var e = Assert.Throws<InvalidOperationException>(() => AnomalyModelTrainer.Train(windows, Options));
        Assert.Contains("benign training windows", e.Message);
    }

    [Fact]
    public void AModelRoundTripsThroughItsFileWithIdenticalScores()
    {
        var windows = SyntheticWindows.Make(seed: 3);
        var result = AnomalyModelTrainer.Train(windows, Options);
        using var dir = new TempDir();
        string path = dir.File("model.zip");
        result.Model.Save(path);
        Assert.True(File.Exists(dir.File("model.json")));

        var loaded = AnomalyModel.Load(path);
        var before = new AnomalyScorer(result.Model);
        var after = new AnomalyScorer(loaded);
        Assert.Equal(result.Metadata.ToJson(), loaded.Metadata.ToJson());
        foreach (var w in windows)
            Assert.Equal(before.Score(w.Window.Features), after.Score(w.Window.Features));
    }
}
