namespace Analyzer.Learning;

/// <summary>Settings of a training run; the defaults are those of the committed model.</summary>
public sealed record AnomalyTrainerOptions
{
    /// <summary>Seeds the data split, ML.NET and the randomized PCA: the same seed and data give the same model.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>
    /// Principal components kept: the dimensions of "normal" (fewer than features and training rows). Null chooses
    /// among <see cref="AnomalyModelTrainer.RankCandidates"/> by validation recall at the chosen threshold.
    /// </summary>
    public int? Rank { get; init; }

    /// <summary>Extra random projections of the randomized SVD, for accuracy of the leading components.</summary>
    public int Oversampling { get; init; } = 20;

    /// <summary>Relative margin of the threshold above the highest benign training or validation score
    /// (<see cref="ThresholdSelector"/>).</summary>
    public double Margin { get; init; } = ThresholdSelector.DefaultMargin;

    public long WindowUs { get; init; } = FeatureExtractor.DefaultWindowUs;

    /// <summary>The labels file the data came from, recorded in the metadata.</summary>
    public string? LabelsPath { get; init; }
}
