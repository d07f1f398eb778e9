namespace Analyzer.Learning;

/// <summary>
/// How well a threshold separates attack windows from benign ones on one data split, computed exactly from the
/// scores: a window is flagged when its score is at or above <see cref="Threshold"/>. <see cref="Auc"/> is the
/// probability that a random attack window outscores a random benign one (ties count half); null without both kinds.
/// </summary>
public sealed record DetectionMetrics
{
    public required double Threshold { get; init; }
    public required int BenignWindows { get; init; }
    public required int AttackWindows { get; init; }
    public required int TruePositives { get; init; }
    public required int FalsePositives { get; init; }
    public required int TrueNegatives { get; init; }
    public required int FalseNegatives { get; init; }
    public double? Precision { get; init; }
    public double? Recall { get; init; }
    public double? F1 { get; init; }
    public double? FalsePositiveRate { get; init; }
    public double? Auc { get; init; }
    /// <summary>The highest score of a benign window: how close ordinary traffic comes to the threshold.</summary>
    public double? HighestBenignScore { get; init; }

    public static DetectionMetrics Compute(IReadOnlyList<double> scores, IReadOnlyList<bool> isAttack, double threshold)
    {
        int tp = 0, fp = 0, tn = 0, fn = 0;
        double? highestBenign = null;
        for (int i = 0; i < scores.Count; i++)
        {
            bool flagged = scores[i] >= threshold;
            if (isAttack[i]) { if (flagged) tp++; else fn++; }
            else
            {
                if (flagged) fp++; else tn++;
                highestBenign = Math.Max(highestBenign ?? double.MinValue, scores[i]);
            }
        }
        double? precision = tp + fp == 0 ? null : (double)tp / (tp + fp);
        double? recall = tp + fn == 0 ? null : (double)tp / (tp + fn);
        double? f1 = precision is { } p && recall is { } r ? (p + r == 0 ? 0 : 2 * p * r / (p + r)) : null;
        return new DetectionMetrics
        {
            Threshold = threshold,
            BenignWindows = tn + fp,
            AttackWindows = tp + fn,
            TruePositives = tp,
            FalsePositives = fp,
            TrueNegatives = tn,
            FalseNegatives = fn,
            Precision = precision,
            Recall = recall,
            F1 = f1,
            FalsePositiveRate = tn + fp == 0 ? null : (double)fp / (tn + fp),
            Auc = AreaUnderCurve(scores, isAttack),
            HighestBenignScore = highestBenign,
        };
    }

    /// <summary>Mann–Whitney U / (positives × negatives), from one sort: O(n log n), exact with ties.</summary>
    public static double? AreaUnderCurve(IReadOnlyList<double> scores, IReadOnlyList<bool> isAttack)
    {
        var order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        double rankSumAttack = 0;
        long attacks = 0;
        int start = 0;
        while (start < order.Length)
        {
            int end = start;
            while (end + 1 < order.Length && scores[order[end + 1]] == scores[order[start]]) end++;
            double midRank = (start + end) / 2.0 + 1; // ranks are 1-based; ties share their mean rank
            for (int k = start; k <= end; k++)
                if (isAttack[order[k]]) { rankSumAttack += midRank; attacks++; }
            start = end + 1;
        }
        long benign = order.Length - attacks;
        if (attacks == 0 || benign == 0) return null;
        return (rankSumAttack - attacks * (attacks + 1) / 2.0) / ((double)attacks * benign);
    }
}
