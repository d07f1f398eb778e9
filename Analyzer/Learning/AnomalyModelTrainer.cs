using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace Analyzer.Learning;

/// <summary>
/// Trains the anomaly detector: randomized PCA on the benign training windows only; the threshold set above every
/// benign training and validation score (<see cref="ThresholdSelector"/>); the rank (unless given) chosen by recall on
/// the validation split at that threshold; metrics on the test split, which neither training nor those choices see.
/// Deterministic for a seed.
/// </summary>
public static class AnomalyModelTrainer
{
    /// <summary>Fewest benign training windows worth a model.</summary>
    public const int MinTrainingWindows = 10;

    /// <summary>Ranks tried when none is given and the validation split has attack windows.</summary>
    public static readonly IReadOnlyList<int> RankCandidates = [4, 8, 12, 16, 24, 32];

    /// <summary>The rank used when none is given and there are no attack labels to choose one with.</summary>
    public const int DefaultRank = 16;

    private sealed record Candidate(int Rank, ITransformer Transformer, IDataView Data, PcaProjection Projection, double Threshold,
        string Rule, double BenignCeiling, DetectionMetrics Validation);

    /// <exception cref="InvalidOperationException">Too few benign windows to train or validate on (the message says so).</exception>
    public static TrainingResult Train(IReadOnlyList<LabeledWindow> windows, AnomalyTrainerOptions options)
    {
        var split = DataSplit.Create(windows, options.Seed);
        if (split.Train.Count < MinTrainingWindows)
            throw new InvalidOperationException($"{split.Train.Count} benign training windows; at least {MinTrainingWindows} are needed (label more benign captures)");
        if (split.Validation.Count == 0)
            throw new InvalidOperationException("no windows left for validation; label more captures");

        int maxRank = Math.Min(HostWindowFeatures.Count, split.Train.Count) - 1;
        bool attacksToChooseWith = split.Validation.Any(w => w.Label == WindowLabel.Attack);
        IEnumerable<int> ranks = options.Rank is { } fixedRank ? [fixedRank]
            : attacksToChooseWith ? RankCandidates.Where(r => r <= maxRank).DefaultIfEmpty(maxRank)
            : [DefaultRank];
        var validationAttack = split.Validation.Select(w => w.Label == WindowLabel.Attack).ToList();

        Candidate? best = null;
        foreach (int rank in ranks.Select(r => Math.Clamp(r, 1, maxRank)).Distinct())
        {
            var candidate = Fit(split, options, rank, validationAttack);
            // Best validation recall, then AUC; the smaller rank on a tie (candidates come in increasing order).
            if (best is null || Better(candidate.Validation, best.Validation)) best = candidate;
        }

        DetectionMetrics? test = null;
        if (split.Test.Count > 0)
        {
            var (testScores, testAttack) = Score(best!.Projection, split.Test);
            test = DetectionMetrics.Compute(testScores, testAttack, best.Threshold);
        }

        var metadata = new ModelMetadata
        {
            Features = HostWindowFeatures.Names,
            WindowSeconds = options.WindowUs / 1_000_000.0,
            Threshold = best!.Threshold,
            ThresholdRule = best.Rule,
            Margin = options.Margin,
            BenignCeiling = best.BenignCeiling,
            Seed = options.Seed,
            Rank = best.Rank,
            RankRule = options.Rank is not null ? "given" : attacksToChooseWith
                ? $"best validation recall of ranks {string.Join(", ", ranks.Select(r => Math.Clamp(r, 1, maxRank)).Distinct())}"
                : "default (no attack labels to choose with)",
            Oversampling = options.Oversampling,
            Data = new ModelMetadata.TrainingData
            {
                Labels = options.LabelsPath,
                Captures = windows.Select(w => w.Window.Capture).Distinct().ToList(),
                TrainBenignWindows = split.Train.Count,
                ValidationBenignWindows = split.Validation.Count(w => w.Label == WindowLabel.Benign),
                ValidationAttackWindows = split.Validation.Count(w => w.Label == WindowLabel.Attack),
                TestBenignWindows = split.Test.Count(w => w.Label == WindowLabel.Benign),
                TestAttackWindows = split.Test.Count(w => w.Label == WindowLabel.Attack),
                ExcludedWindows = split.Excluded,
            },
            Validation = best.Validation,
            Test = test,
        };
        return new TrainingResult(new AnomalyModel(best.Transformer, best.Data.Schema, metadata), split);
    }

    private static Candidate Fit(DataSplit split, AnomalyTrainerOptions options, int rank, List<bool> validationAttack)
    {
        var ml = new MLContext(seed: options.Seed);
        var data = HostWindowRow.Load(ml, split.Train.Select(w => w.Window.Features));
        // No learned normalizer in front: features are scaled by construction (FeatureScale explains why).
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
        var (scores, _) = Score(projection, split.Validation);
        var (trainScores, _) = Score(projection, split.Train);
        var benign = trainScores.Concat(scores.Where((_, i) => !validationAttack[i])).ToList();
        var (threshold, rule) = ThresholdSelector.Choose(benign, options.Margin);
        return new Candidate(rank, transformer, data, projection, threshold, rule, benign.Max(),
            DetectionMetrics.Compute(scores, validationAttack, threshold));
    }

    private static bool Better(DetectionMetrics a, DetectionMetrics b)
    {
        // Validation has no false alarms at the threshold (ThresholdSelector), so recall is what ranks can differ in.
        double recallA = a.Recall ?? 0, recallB = b.Recall ?? 0;
        if (recallA != recallB) return recallA > recallB;
        return (a.Auc ?? 0) > (b.Auc ?? 0);
    }

    private static (List<double> Scores, List<bool> IsAttack) Score(PcaProjection projection, List<LabeledWindow> windows)
    {
        var residual = new double[HostWindowFeatures.Count];
        return (windows.Select(w => projection.Residual(w.Window.Features, residual)).ToList(),
            windows.Select(w => w.Label == WindowLabel.Attack).ToList());
    }
}
