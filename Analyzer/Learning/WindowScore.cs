namespace Analyzer.Learning;

/// <summary>
/// The one score of a host window, used alike by training, evaluation and the pipeline. A window is flagged (score 1
/// or more) when the category model finds it more likely an attack than benign (probability of "not benign" at or
/// above the cut), or when the detector's residual reaches its threshold and the category model does not rule the
/// window out (probability at or above the gate): a kind of window the category model has learned as benign is not
/// flagged for being rare. Without a category model the detector decides alone.
/// </summary>
public static class WindowScore
{
    /// <summary>The score at or above which a window is flagged.</summary>
    public const double Threshold = 1.0;

    /// <param name="attackProbability">The category model's probability of "not benign"; null without one.</param>
    public static double Combine(double residual, double detectorThreshold, double? attackProbability, double categoryCut, double categoryGate)
    {
        double detector = residual / detectorThreshold;
        if (attackProbability is not { } p) return detector;
        return Math.Max(p / categoryCut, Math.Min(detector, categoryGate > 0 ? p / categoryGate : double.PositiveInfinity));
    }
}
