namespace Analyzer.Learning;

/// <summary>Chooses the alert threshold on the validation split's scores.</summary>
public static class ThresholdSelector
{
    /// <summary>Share of benign validation windows allowed above the threshold when there are no attack labels.</summary>
    public const double BenignQuantile = 0.99;

    /// <summary>
    /// With attack windows: the cut that maximizes F1 (ties: the higher cut, fewer false alarms), placed halfway
    /// to the next lower score so that it does not sit on a validation window. Without: just above the
    /// <see cref="BenignQuantile"/> quantile of the benign scores.
    /// </summary>
    public static (double Threshold, string Rule) Choose(IReadOnlyList<double> scores, IReadOnlyList<bool> isAttack)
    {
        int attacks = isAttack.Count(a => a);
        if (scores.Count == 0) throw new ArgumentException("no validation windows", nameof(scores));
        if (attacks == 0 || attacks == scores.Count)
            // Just above the quantile: a window is flagged when it scores higher than that share of benign windows.
            return (Math.BitIncrement(Quantile(scores.Where((_, i) => !isAttack[i]).DefaultIfEmpty(0).ToList(), BenignQuantile)),
                $"just above quantile {BenignQuantile} of benign validation scores");

        var order = Enumerable.Range(0, scores.Count).OrderByDescending(i => scores[i]).ToArray();
        double bestF1 = -1, bestCut = scores[order[0]];
        int tp = 0, fp = 0;
        for (int k = 0; k < order.Length; k++)
        {
            if (isAttack[order[k]]) tp++; else fp++;
            // Only cut between distinct scores.
            if (k + 1 < order.Length && scores[order[k + 1]] == scores[order[k]]) continue;
            double f1 = 2.0 * tp / (2.0 * tp + fp + (attacks - tp));
            if (f1 > bestF1)
            {
                bestF1 = f1;
                bestCut = k + 1 < order.Length ? (scores[order[k]] + scores[order[k + 1]]) / 2 : scores[order[k]];
            }
        }
        return (bestCut, "maximum F1 on the validation split");
    }

    /// <summary>Linear-interpolated quantile of <paramref name="values"/>.</summary>
    public static double Quantile(IReadOnlyList<double> values, double q)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        double position = q * (sorted.Length - 1);
        int low = (int)Math.Floor(position);
        int high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + (position - low) * (sorted[high] - sorted[low]);
    }
}
