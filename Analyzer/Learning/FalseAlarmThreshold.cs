using System.Globalization;

namespace Analyzer.Learning;

/// <summary>
/// Chooses the detector's threshold for a stated false-alarm rate on benign validation windows: the lowest threshold
/// at which at most that share of them score at or above it. It never sits above the highest benign validation score
/// plus the smallest step, so a single odd benign window does not set it (as a "no benign window flagged" rule
/// would); the stated rate says how many such windows are accepted.
/// </summary>
public static class FalseAlarmThreshold
{
    /// <summary>Default share of benign validation windows allowed at or above the detector's threshold.</summary>
    public const double DefaultRate = 0.01;

    /// <exception cref="ArgumentException">No benign scores, or a rate outside [0, 1).</exception>
    public static (double Threshold, string Rule) Choose(IReadOnlyList<double> benignScores, double rate)
    {
        if (benignScores.Count == 0) throw new ArgumentException("no benign scores", nameof(benignScores));
        if (!(rate >= 0 && rate < 1)) throw new ArgumentException("the false-alarm rate must be at least 0 and below 1", nameof(rate));
        var descending = benignScores.OrderByDescending(s => s).ToArray();
        int allowed = (int)Math.Floor(rate * descending.Length + 1e-9);
        // Just above the (allowed + 1)-th highest score: that many benign windows (or fewer, on ties) stay at or above.
        double threshold = Math.BitIncrement(descending[Math.Min(allowed, descending.Length - 1)]);
        return (threshold, string.Create(CultureInfo.InvariantCulture,
            $"false-alarm rate {rate * 100:0.##} % on {descending.Length} benign validation windows: above all but the {allowed} highest"));
    }
}
