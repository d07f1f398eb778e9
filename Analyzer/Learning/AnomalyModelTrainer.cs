using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace Analyzer.Learning;

/// <summary>
/// Trains the anomaly detector: randomized PCA on the benign training windows only, threshold chosen on the
/// validation split, metrics on the test split (neither seen in training). Deterministic for a seed.
/// </summary>
public static class AnomalyModelTrainer
{
    /// <summary>Fewest benign training windows worth a model.</summary>
    public const int MinTrainingWindows = 10;

    /// <exception cref="InvalidOperationException">Too few benign windows to train or validate on (the message says so).</exception>
    public static TrainingResult Train(IReadOnlyList<LabeledWindow> windows, AnomalyTrainerOptions options)
    {
        var split = DataSplit.Create(windows, options.Seed);
        if (split.Train.Count < MinTrainingWindows)
            throw new InvalidOperationException($"{split.Train.Count} benign training windows; at least {MinTrainingWindows} are needed (label more benign captures)");
        if (split.Validation.Count == 0)
            throw new InvalidOperationException("no windows left for validation; label more captures");

        var ml = new MLContext(seed: options.Seed);
        var data = HostWindowRow.Load(ml, split.Train.Select(w => w.Window.Features));
        int rank = Math.Clamp(options.Rank, 1, Math.Min(HostWindowFeatures.Count, split.Train.Count) - 1);
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
        var (validationScores, validationAttack) = Score(projection, split.Validation);
        var (threshold, rule) = ThresholdSelector.Choose(validationScores, validationAttack);
        var validation = DetectionMetrics.Compute(validationScores, validationAttack, threshold);
        DetectionMetrics? test = null;
        if (split.Test.Count > 0)
        {
            var (testScores, testAttack) = Score(projection, split.Test);
            test = DetectionMetrics.Compute(testScores, testAttack, threshold);
        }

        var metadata = new ModelMetadata
        {
            Features = HostWindowFeatures.Names,
            WindowSeconds = options.WindowUs / 1_000_000.0,
            Threshold = threshold,
            ThresholdRule = rule,
            Seed = options.Seed,
            Rank = rank,
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
            Validation = validation,
            Test = test,
        };
        return new TrainingResult(new AnomalyModel(transformer, data.Schema, metadata), split);
    }

    private static (List<double> Scores, List<bool> IsAttack) Score(PcaProjection projection, List<LabeledWindow> windows)
    {
        var residual = new double[HostWindowFeatures.Count];
        return (windows.Select(w => projection.Residual(w.Window.Features, residual)).ToList(),
            windows.Select(w => w.Label == WindowLabel.Attack).ToList());
    }
}
