using Analyzer.Learning;
using Analyzer.Rules;
using Analyzer.Tests.Conformance;

namespace Analyzer.Tests.Learning;

/// <summary>
/// models/upnp-anomaly.zip is what docs/model.md says: trained with the documented commands, so a retrain with its
/// seed reproduces its threshold, rank and metrics. When decoders or features change, this fails until the model is
/// retrained (docs/model.md, "The committed model").
/// </summary>
public class CommittedModelTests
{
    [Fact]
    public void TheCommittedModelLoadsAndNamesTheCurrentFeaturesAndItsData()
    {
        var model = CommittedModel.Load();
        Assert.Equal(HostWindowFeatures.Names, model.Metadata.Features);
        Assert.Equal(string.Join(", ", CommittedModel.LabelsNames), model.Metadata.Data.Labels);
    }

    [Fact]
    public void TheCommittedModelHasBothHalvesAndTheDocumentedSettings()
    {
        var model = CommittedModel.Load();
        var m = model.Metadata;
        Assert.Equal(FalseAlarmThreshold.DefaultRate, m.FalseAlarmRate);
        Assert.Equal(WindowScore.Threshold, m.Threshold);
        Assert.NotNull(model.Categories);
        Assert.Contains("portmap-abuse", m.Classes);
        Assert.Contains("rogue-cast", m.Classes);
        Assert.True(m.Validation.FalsePositiveRate <= 0.02, m.ToJson());
    }

    [SkippableFact]
    public void RetrainingWithTheDocumentedCommandReproducesTheCommittedModelsMetrics()
    {
        Skip.IfNot(ConformanceCorpus.Present, ConformanceCorpus.AbsentReason);
        var committed = CommittedModel.Load().Metadata;
        var captures = TrainingLabels.Read(CommittedModel.PrepareLabels().ToList());
        var windows = TrainingCaptures.Extract(captures, new NetworkContext(), (long)(committed.WindowSeconds * 1_000_000));
        var retrained = AnomalyModelTrainer.Train(windows, new AnomalyTrainerOptions { Seed = committed.Seed }).Metadata;

        const string retrain = "retrain with the commands of docs/model.md, \"The committed model\"";
        Assert.True(committed.Data.Captures.Count == retrained.Data.Captures.Count, retrain);
        Assert.True(committed.Rank == retrained.Rank && committed.DetectorThreshold == retrained.DetectorThreshold, retrain);
        Assert.True(committed.Center.SequenceEqual(retrained.Center) && committed.Spread.SequenceEqual(retrained.Spread), retrain);
        Assert.True(committed.Validation == retrained.Validation, retrain);
        Assert.True(committed.Test == retrained.Test, retrain);
    }
}
