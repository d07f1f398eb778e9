namespace Analyzer.Learning;

/// <summary>Settings of a training run; the defaults are those of the committed model.</summary>
public sealed record AnomalyTrainerOptions
{
    /// <summary>Seeds the data split, ML.NET and the randomized PCA: the same seed and data give the same model.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>
    /// Principal components kept: the dimensions of "normal" (fewer than features and training rows). Null chooses
    /// among <see cref="AnomalyModelTrainer.RankCandidates"/> on the validation split.
    /// </summary>
    public int? Rank { get; init; }

    /// <summary>Extra random projections of the randomized SVD, for accuracy of the leading components.</summary>
    public int Oversampling { get; init; } = 20;

    /// <summary>Share of benign validation windows the detector's threshold lets through (<see cref="FalseAlarmThreshold"/>).</summary>
    public double FalseAlarmRate { get; init; } = FalseAlarmThreshold.DefaultRate;

    /// <summary>Probability of "not benign" at or above which the category model flags a window.</summary>
    public double CategoryCut { get; init; } = 0.6;

    /// <summary>Probability of "not benign" below which the detector does not flag a window (<see cref="WindowScore"/>).</summary>
    public double CategoryGate { get; init; } = 0.05;

    /// <summary>
    /// After the split's metrics, train the category model again on every labelled window (benign and attack, all
    /// splits), so that the saved model knows every benign host it was given. The detector keeps its split training.
    /// </summary>
    public bool RefitCategoriesOnAll { get; init; } = true;

    public long WindowUs { get; init; } = FeatureExtractor.DefaultWindowUs;

    /// <summary>The labels file the data came from, recorded in the metadata.</summary>
    public string? LabelsPath { get; init; }
}
