using Analyzer.Generation;
using Analyzer.Labels;
using Analyzer.Generation.Scenarios;
using Analyzer.Learning;
using Analyzer.Tests.Support;

namespace Analyzer.Tests.Learning;

/// <summary>
/// The committed model and the data docs/model.md trains it from: the samples, the real captures of the conformance
/// corpus (models/benign-real.labels.csv) and every scenario generated with seeds 2 to 6 into out/.
/// </summary>
internal static class CommittedModel
{
    public static string ModelPath => Path.Combine(Repo.Root, "models", "upnp-anomaly.zip");

    public static readonly IReadOnlyList<int> TrainingSeeds = [2, 3, 4, 5, 6];

    /// <summary>The labels files in the order of the documented command, as it names them.</summary>
    public static IReadOnlyList<string> LabelsNames { get; } =
        ["samples/pcaps/labels.csv", "models/benign-real.labels.csv", .. TrainingSeeds.Select(s => $"out/seed{s}/labels.csv")];

    private static readonly Lock Gate = new();
    private static AnomalyModel? _model;

    public static AnomalyModel Load()
    {
        lock (Gate) return _model ??= AnomalyModel.Load(ModelPath);
    }

    /// <summary>
    /// Writes the generated captures where the documented command puts them. They must be under the
    /// repository root like the other captures: the split orders (capture, host) groups by capture path.
    /// </summary>
    public static IReadOnlyList<string> PrepareLabels()
    {
        lock (Gate)
        {
            foreach (int seed in TrainingSeeds)
                CaptureGenerator.WriteCorpus(Path.Combine(Repo.Root, "out", $"seed{seed}"), ScenarioCatalog.All, seed);
        }
        return LabelsNames.Select(n => Path.Combine(Repo.Root, n)).ToList();
    }

    /// <summary>The benign captures of samples/pcaps (whole-file label benign), by file name.</summary>
    public static TheoryData<string> BenignSamples()
    {
        var data = new TheoryData<string>();
        foreach (var row in LabelsFile.Read(Path.Combine(Repo.Samples, LabelsFile.FileName)))
            if (row.IsWholeFile && row.Label == LabelNames.Benign) data.Add(row.File);
        return data;
    }
}
