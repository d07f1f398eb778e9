namespace Analyzer.Learning;

/// <summary>
/// Scores host windows with a model: the score is the reconstruction error of the window's feature vector, the
/// length of the part the benign principal components do not explain (see docs/model.md for why this, rather than
/// ML.NET's relative score). Holds scratch buffers: one instance per thread (the pipeline thread).
/// </summary>
public sealed class AnomalyScorer
{
    private readonly AnomalyModel _model;
    private readonly double[] _residual = new double[HostWindowFeatures.Count];

    public AnomalyScorer(AnomalyModel model) => _model = model;

    public AnomalyModel Model => _model;

    public double Threshold => _model.Threshold;

    /// <summary>The window's score; the per-feature residuals stay in the scorer for <see cref="Explain"/>.</summary>
    public double Score(ReadOnlySpan<float> features) => _model.Projection.Residual(features, _residual);

    /// <summary>
    /// The <paramref name="count"/> features that weigh most in the last <see cref="Score"/>d window, largest share of
    /// the squared error first (ties by feature order).
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
                HostWindowFeatures.All[i].FromModel(_model.Projection.Mean[i]), _residual[i] * _residual[i] / total))
            .ToList();
    }
}
