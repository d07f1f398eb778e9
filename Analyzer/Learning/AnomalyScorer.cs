namespace Analyzer.Learning;

/// <summary>
/// Scores host windows with a model (<see cref="WindowScore"/>): the detector's reconstruction error of the
/// standardized feature vector (the length of the part the benign principal components do not explain; see
/// docs/model.md for why this rather than ML.NET's relative score), and the category model's probabilities. Holds
/// scratch buffers and the last window's details: one instance per thread (the pipeline thread).
/// </summary>
public sealed class AnomalyScorer
{
    private readonly AnomalyModel _model;
    private readonly float[] _standardized = new float[HostWindowFeatures.Count];
    private readonly double[] _residual = new double[HostWindowFeatures.Count];
    private readonly CategoryModel.Predictor? _predictor;
    private readonly double[] _probabilities;

    public AnomalyScorer(AnomalyModel model)
    {
        _model = model;
        _predictor = model.Categories?.CreatePredictor();
        _probabilities = new double[model.Categories?.Classes.Count ?? 0];
    }

    public AnomalyModel Model => _model;

    public double Threshold => _model.Threshold;

    /// <summary>The detector's reconstruction error of the last scored window.</summary>
    public double DetectorScore { get; private set; }

    /// <summary>The category model's probability that the last scored window is not benign (0 without one).</summary>
    public double AttackProbability { get; private set; }

    /// <summary>The likeliest attack category of the last scored window and its probability (null without a category model).</summary>
    public (string Category, double Probability)? LikelyCategory { get; private set; }

    /// <summary>The window's score; its details stay in the scorer for <see cref="Explain"/> and the properties above.</summary>
    public double Score(float[] features)
    {
        _model.Standardizer.Apply(features, _standardized);
        DetectorScore = _model.Projection.Residual(_standardized, _residual);
        AttackProbability = 0;
        LikelyCategory = null;
        if (_predictor is not null && _model.Categories is { } categories)
        {
            _predictor.Predict(features, _probabilities);
            int best = -1;
            for (int i = 0; i < _probabilities.Length; i++)
            {
                if (i == categories.BenignClass) continue;
                AttackProbability += _probabilities[i];
                if (best < 0 || _probabilities[i] > _probabilities[best]) best = i;
            }
            if (best >= 0) LikelyCategory = (categories.Classes[best], _probabilities[best]);
        }
        return WindowScore.Combine(DetectorScore, _model.Metadata.DetectorThreshold, _predictor is null ? null : AttackProbability,
            _model.Metadata.CategoryCut, _model.Metadata.CategoryGate);
    }

    /// <summary>
    /// The <paramref name="count"/> features that weigh most in the last <see cref="Score"/>d window, largest share of
    /// the detector's squared error first (ties by feature order).
    /// </summary>
    public IReadOnlyList<FeatureContribution> Explain(double[] raw, int count)
    {
        double total = 0;
        foreach (double r in _residual) total += r * r;
        if (total == 0) return [];
        return Enumerable.Range(0, _residual.Length)
            .OrderByDescending(i => _residual[i] * _residual[i])
            .ThenBy(i => i)
            .Take(count)
            .Select(i => new FeatureContribution(HostWindowFeatures.Names[i], raw[i],
                HostWindowFeatures.All[i].FromModel(_model.Standardizer.Center[i]), _residual[i] * _residual[i] / total))
            .ToList();
    }
}
