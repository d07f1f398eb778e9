using Analyzer.Cli.Commands.Train;
using Analyzer.Generation.Labels;
using Analyzer.Learning;
using Analyzer.Rules;
using Analyzer.Tests.Support;

namespace Analyzer.Tests.Learning;

/// <summary>
/// models/upnp-anomaly.zip is what docs/model.md says: trained from samples/pcaps with the documented command, so a
/// retrain with its seed reproduces its threshold, rank and metrics. When decoders or features change, this fails
/// until the model is retrained (docs/model.md, "The committed model").
/// </summary>
public class CommittedModelTests
{
    private static string ModelPath => Path.Combine(Repo.Root, "models", "upnp-anomaly.zip");

    [Fact]
    public void TheCommittedModelLoadsAndNamesTheCurrentFeatures()
    {
        var model = AnomalyModel.Load(ModelPath);
        Assert.Equal(HostWindowFeatures.Names, model.Metadata.Features);
        Assert.Equal("samples/pcaps/labels.csv", model.Metadata.Data.Labels);
    }

    [Fact]
    public void RetrainingFromTheSamplesReproducesTheCommittedModelsMetrics()
    {
        var committed = AnomalyModel.Load(ModelPath).Metadata;
        string labels = Path.Combine(Repo.Samples, LabelsFile.FileName);
        var captures = TrainingLabels.FromRows(labels, LabelsFile.Read(labels));
        var windows = TrainingCaptures.Extract(captures, new NetworkContext(), (long)(committed.WindowSeconds * 1_000_000));
        var retrained = AnomalyModelTrainer.Train(windows, new AnomalyTrainerOptions { Seed = committed.Seed }).Metadata;

        const string retrain = "retrain: analyzer train --labels samples/pcaps/labels.csv (docs/model.md)";
        Assert.True(committed.Data.Captures.Count == retrained.Data.Captures.Count, retrain);
        Assert.True(committed.Rank == retrained.Rank && committed.Threshold == retrained.Threshold, retrain);
        Assert.True(committed.Validation == retrained.Validation, retrain);
        Assert.True(committed.Test == retrained.Test, retrain);
    }
}
