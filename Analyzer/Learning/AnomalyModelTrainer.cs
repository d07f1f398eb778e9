using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace Analyzer.Learning;

/// <summary>
/// Trains the model. The features are standardized against the benign training windows
/// (<see cref="FeatureStandardizer"/>); the detector is a randomized PCA on the standardized benign training windows,
/// its threshold set for a stated false-alarm rate on the benign validation windows (<see cref="FalseAlarmThreshold"/>);
/// the category model (<see cref="CategoryModel"/>) learns benign and attack training windows. The rank (unless
/// given) is chosen on the validation split; metrics come from the test split, which neither training nor those
/// choices see. Deterministic for a seed.
/// </summary>
public static class AnomalyModelTrainer
{
    /// <summary>Fewest benign training windows worth a model.</summary>
    public const int MinTrainingWindows = 10;

    /// <summary>Ranks tried when none is given and the validation split has attack windows.</summary>
    public static readonly IReadOnlyList<int> RankCandidates = [4, 8, 12, 16, 24, 32];

    /// <summary>The rank used when none is given and there are no attack labels to choose one with.</summary>
    public const int DefaultRank = 16;

    private sealed record Candidate(int Rank, ITransformer Transformer, IDataView Data, PcaProjection Projection, double DetectorThreshold,
        string Rule, DetectionMetrics Validation);

    /// <exception cref="InvalidOperationException">Too few benign windows to train or validate on (the message says so).</exception>
    public static TrainingResult Train(IReadOnlyList<LabeledWindow> windows, AnomalyTrainerOptions options) =>
        Train(DataSplit.Create(windows, options.Seed), windows, options);

    /// <summary>Trains on a given split (<paramref name="windows"/> are all of them, for the metadata).</summary>
    public static TrainingResult Train(DataSplit split, IReadOnlyList<LabeledWindow> windows, AnomalyTrainerOptions options)
    {
        var trainBenign = split.Train.Where(w => w.Label == WindowLabel.Benign).ToList();
        if (trainBenign.Count < MinTrainingWindows)
            throw new InvalidOperationException($"{trainBenign.Count} benign training windows; at least {MinTrainingWindows} are needed (label more benign captures)");
        if (!split.Validation.Any(w => w.Label == WindowLabel.Benign))
            throw new InvalidOperationException("no benign windows left for validation; label more captures");

        var standardizer = FeatureStandardizer.Fit(trainBenign.Select(w => w.Window.Features).ToList());
        var categories = CategoryModel.Train(split.Train, options.Seed);
        var validationProbability = AttackProbabilities(categories, split.Validation);

        // The PCA cannot find more components than the benign training data has dimensions of variation (asking for
        // more gives NaN eigenvectors): count the features that vary at all.
        int varying = Enumerable.Range(0, HostWindowFeatures.Count)
            .Count(i => trainBenign.Any(w => w.Window.Features[i] != trainBenign[0].Window.Features[i]));
        int maxRank = Math.Max(1, Math.Min(varying, trainBenign.Count) - 1);
        bool attacksToChooseWith = split.Validation.Any(w => w.Label == WindowLabel.Attack);
        var ranks = (options.Rank is { } fixedRank ? [fixedRank]
            : attacksToChooseWith ? RankCandidates.Where(r => r <= maxRank).DefaultIfEmpty(maxRank)
            : [DefaultRank]).Select(r => Math.Clamp(r, 1, maxRank)).Distinct().ToList();

        Candidate? best = null;
        foreach (int rank in ranks)
        {
            var candidate = FitWithFallback(trainBenign, split.Validation, validationProbability, standardizer, options, rank);
            // Best validation recall less false-alarm rate, then AUC; the smaller rank on a tie (candidates come in increasing order).
            if (best is null || Better(candidate.Validation, best.Validation)) best = candidate;
        }

        DetectionMetrics? test = null;
        if (split.Test.Count > 0)
            test = Metrics(split.Test, Scores(best!.Projection, standardizer, best.DetectorThreshold, split.Test, AttackProbabilities(categories, split.Test), options));

        var trainedOn = "the training split";
        if (options.RefitCategoriesOnAll && categories is not null)
        {
            categories = CategoryModel.Train(windows.Where(w => w.Label != WindowLabel.Excluded).ToList(), options.Seed);
            trainedOn = "every labelled window, again after the split's metrics";
        }

        var metadata = new ModelMetadata
        {
            Features = HostWindowFeatures.Names,
            WindowSeconds = options.WindowUs / 1_000_000.0,
            Threshold = WindowScore.Threshold,
            Center = standardizer.Center,
            Spread = standardizer.Spread,
            DetectorThreshold = best!.DetectorThreshold,
            ThresholdRule = best.Rule,
            FalseAlarmRate = options.FalseAlarmRate,
            Classes = categories?.Classes ?? [],
            CategoryCut = options.CategoryCut,
            CategoryGate = options.CategoryGate,
            CategoryData = categories is null ? "" : trainedOn,
            Seed = options.Seed,
            Rank = best.Rank,
            RankRule = options.Rank is not null ? "given" : attacksToChooseWith
                ? $"best validation recall less false-alarm rate of ranks {string.Join(", ", ranks)}"
                : "default (no attack labels to choose with)",
            Oversampling = options.Oversampling,
            Data = new ModelMetadata.TrainingData
            {
                Labels = options.LabelsPath,
                Captures = windows.Select(w => w.Window.Capture).Distinct().ToList(),
                TrainBenignWindows = trainBenign.Count,
                TrainAttackWindows = split.Train.Count(w => w.Label == WindowLabel.Attack),
                ValidationBenignWindows = split.Validation.Count(w => w.Label == WindowLabel.Benign),
                ValidationAttackWindows = split.Validation.Count(w => w.Label == WindowLabel.Attack),
                TestBenignWindows = split.Test.Count(w => w.Label == WindowLabel.Benign),
                TestAttackWindows = split.Test.Count(w => w.Label == WindowLabel.Attack),
                ExcludedWindows = split.Excluded,
            },
            Validation = best.Validation,
            Test = test,
        };
        return new TrainingResult(new AnomalyModel(best.Transformer, best.Data.Schema, categories, metadata), split);
    }

    /// <summary>
    /// <see cref="Fit"/>, with a smaller rank when the randomized SVD finds fewer independent directions in the benign
    /// windows than asked for (ML.NET then reports NaN eigenvectors): the candidate keeps the rank that worked.
    /// </summary>
    private static Candidate FitWithFallback(List<LabeledWindow> trainBenign, List<LabeledWindow> validation, double[]? validationProbability,
        FeatureStandardizer standardizer, AnomalyTrainerOptions options, int rank)
    {
        for (int r = rank; ; r--)
        {
            try
            {
                return Fit(trainBenign, validation, validationProbability, standardizer, options, r);
            }
            catch (ArgumentOutOfRangeException e) when (r > 1 && e.Message.Contains("NaN", StringComparison.Ordinal))
            {
            }
        }
    }

    private static Candidate Fit(List<LabeledWindow> trainBenign, List<LabeledWindow> validation, double[]? validationProbability,
        FeatureStandardizer standardizer, AnomalyTrainerOptions options, int rank)
    {
        var ml = new MLContext(seed: options.Seed);
        var data = HostWindowRow.Load(ml, trainBenign.Select(w => standardizer.Apply(w.Window.Features)));
        var trainer = ml.AnomalyDetection.Trainers.RandomizedPca(new RandomizedPcaTrainer.Options
        {
            FeatureColumnName = HostWindowRow.FeaturesColumn,
            Rank = rank,                            // dimensions of "normal"; the rest is the anomaly residual
            Oversampling = options.Oversampling,    // extra projections for a more accurate randomized SVD
            EnsureZeroMean = true,                  // centre on the benign mean, so residuals measure distance from it
            Seed = options.Seed,                    // the random projections are drawn from this seed
        });
        var transformer = trainer.Fit(data);
        var projection = PcaProjection.From(transformer);
        var residuals = Residuals(projection, standardizer, validation);
        var benign = residuals.Where((_, i) => validation[i].Label == WindowLabel.Benign).ToList();
        var (threshold, rule) = FalseAlarmThreshold.Choose(benign, options.FalseAlarmRate);
        var scores = residuals.Select((r, i) => WindowScore.Combine(r, threshold, validationProbability?[i], options.CategoryCut, options.CategoryGate)).ToList();
        return new Candidate(rank, transformer, data, projection, threshold, rule, Metrics(validation, scores));
    }

    private static bool Better(DetectionMetrics a, DetectionMetrics b)
    {
        double ja = (a.Recall ?? 0) - (a.FalsePositiveRate ?? 0), jb = (b.Recall ?? 0) - (b.FalsePositiveRate ?? 0);
        if (ja != jb) return ja > jb;
        return (a.Auc ?? 0) > (b.Auc ?? 0);
    }

    private static DetectionMetrics Metrics(List<LabeledWindow> windows, List<double> scores) =>
        DetectionMetrics.Compute(scores, windows.Select(w => w.Label == WindowLabel.Attack).ToList(), WindowScore.Threshold);

    private static List<double> Residuals(PcaProjection projection, FeatureStandardizer standardizer, List<LabeledWindow> windows)
    {
        var residual = new double[HostWindowFeatures.Count];
        var standardized = new float[HostWindowFeatures.Count];
        return windows.Select(w =>
        {
            standardizer.Apply(w.Window.Features, standardized);
            return projection.Residual(standardized, residual);
        }).ToList();
    }

    private static List<double> Scores(PcaProjection projection, FeatureStandardizer standardizer, double detectorThreshold,
        List<LabeledWindow> windows, double[]? probability, AnomalyTrainerOptions options) =>
        Residuals(projection, standardizer, windows)
            .Select((r, i) => WindowScore.Combine(r, detectorThreshold, probability?[i], options.CategoryCut, options.CategoryGate)).ToList();

    /// <summary>The category model's probability that each window is not benign (null without a category model).</summary>
    private static double[]? AttackProbabilities(CategoryModel? categories, List<LabeledWindow> windows)
    {
        if (categories is null) return null;
        var result = new double[windows.Count];
        var predictor = categories.CreatePredictor();
        var probabilities = new double[categories.Classes.Count];
        for (int i = 0; i < windows.Count; i++)
        {
            predictor.Predict(windows[i].Window.Features, probabilities);
            result[i] = categories.BenignClass < 0 ? 1 : 1 - probabilities[categories.BenignClass];
        }
        return result;
    }
}
