namespace Analyzer.Learning;

/// <summary>
/// Chooses the alert threshold. A defender must not get alerts on ordinary traffic, so the threshold is set by the
/// benign windows, not by the attacks: it is the highest score of any benign window the model was fitted or tuned
/// on (the training and validation splits), raised by a margin. No benign training or validation window is flagged;
/// the margin leaves room for benign windows the model has not seen, which score somewhat above those it has.
/// Attack labels do not move the threshold; they choose the rank (<see cref="AnomalyModelTrainer"/>) and measure it.
/// </summary>
public static class ThresholdSelector
{
    /// <summary>Default relative margin above the highest benign training or validation score.</summary>
    public const double DefaultMargin = 0.25;

    /// <summary>
    /// <c>(1 + margin) × max(benign scores)</c>, and never at or below that maximum (a window is flagged at or above
    /// the threshold). The rule text names the ceiling and the margin.
    /// </summary>
    /// <exception cref="ArgumentException">No benign scores, or a negative margin.</exception>
    public static (double Threshold, string Rule) Choose(IReadOnlyList<double> benignScores, double margin)
    {
        if (benignScores.Count == 0) throw new ArgumentException("no benign scores", nameof(benignScores));
        if (!(margin >= 0)) throw new ArgumentException("the margin must be zero or more", nameof(margin));
        double ceiling = benignScores.Max();
        double threshold = Math.Max(ceiling * (1 + margin), Math.BitIncrement(ceiling));
        return (threshold, string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"highest benign training or validation score ({ceiling:0.####}) plus a margin of {margin * 100:0.#} %"));
    }
}
