namespace Analyzer.Learning;

/// <summary>
/// Puts the model's features on comparable scales: each is centred on its mean over the benign training windows and
/// divided by its spread there (the standard deviation), but never by less than <see cref="SpreadFloor"/>. The floor
/// is what keeps a feature that never varies in benign traffic (PCP third-party requests, mappings for outside
/// clients) meaningful: one such request, or a share going from 0 to 1, then counts as several spreads instead of
/// infinitely many (or, with ML.NET's normalizers, none at all).
/// </summary>
public sealed class FeatureStandardizer
{
    /// <summary>Least spread a feature is divided by, in model units (log2 counts, shares).</summary>
    public const double SpreadFloor = 0.25;

    public FeatureStandardizer(IReadOnlyList<double> center, IReadOnlyList<double> spread)
    {
        if (center.Count != HostWindowFeatures.Count || spread.Count != HostWindowFeatures.Count)
            throw new ArgumentException($"expected {HostWindowFeatures.Count} centres and spreads");
        if (spread.Any(s => !(s >= SpreadFloor) || !double.IsFinite(s)))
            throw new ArgumentException($"every spread must be finite and at least {SpreadFloor}");
        Center = center.ToArray();
        Spread = spread.ToArray();
    }

    public double[] Center { get; }
    public double[] Spread { get; }

    /// <summary>Mean and floored standard deviation of each feature over <paramref name="benign"/> (not empty).</summary>
    public static FeatureStandardizer Fit(IReadOnlyList<float[]> benign)
    {
        if (benign.Count == 0) throw new ArgumentException("no windows to standardize on", nameof(benign));
        int n = HostWindowFeatures.Count;
        var mean = new double[n];
        var spread = new double[n];
        foreach (var v in benign)
            for (int i = 0; i < n; i++) mean[i] += v[i];
        for (int i = 0; i < n; i++) mean[i] /= benign.Count;
        foreach (var v in benign)
            for (int i = 0; i < n; i++) spread[i] += (v[i] - mean[i]) * (v[i] - mean[i]);
        for (int i = 0; i < n; i++) spread[i] = Math.Max(Math.Sqrt(spread[i] / benign.Count), SpreadFloor);
        return new FeatureStandardizer(mean, spread);
    }

    /// <summary>Writes the standardized <paramref name="features"/> into <paramref name="into"/>.</summary>
    public void Apply(ReadOnlySpan<float> features, Span<float> into)
    {
        for (int i = 0; i < Center.Length; i++) into[i] = (float)((features[i] - Center[i]) / Spread[i]);
    }

    public float[] Apply(ReadOnlySpan<float> features)
    {
        var into = new float[Center.Length];
        Apply(features, into);
        return into;
    }
}
