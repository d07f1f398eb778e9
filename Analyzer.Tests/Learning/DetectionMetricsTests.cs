using Analyzer.Learning;

namespace Analyzer.Tests.Learning;

public class DetectionMetricsTests
{
    [Fact]
    public void CountsPrecisionRecallAndF1AtTheThreshold()
    {
        double[] scores = [0.1, 0.4, 0.35, 0.8, 0.9, 0.2];
        bool[] attack = [false, false, true, true, true, false];
        var m = DetectionMetrics.Compute(scores, attack, threshold: 0.4);

        Assert.Equal((2, 1, 2, 1), (m.TruePositives, m.FalsePositives, m.TrueNegatives, m.FalseNegatives));
        Assert.Equal(2.0 / 3, m.Precision!.Value, 12);
        Assert.Equal(2.0 / 3, m.Recall!.Value, 12);
        Assert.Equal(2.0 / 3, m.F1!.Value, 12);
        Assert.Equal(1.0 / 3, m.FalsePositiveRate!.Value, 12);
        Assert.Equal(0.4, m.HighestBenignScore);
    }

    [Fact]
    public void AucIsTheShareOfAttackBenignPairsRankedRightWithTiesCountingHalf()
    {
        // Pairs (attack, benign): 0.5>0.1 ✓, 0.5=0.5 ½, 0.9>0.1 ✓, 0.9>0.5 ✓ → 3.5 / 4.
        double[] scores = [0.1, 0.5, 0.5, 0.9];
        bool[] attack = [false, false, true, true];
        Assert.Equal(0.875, DetectionMetrics.AreaUnderCurve(scores, attack)!.Value, 12);
    }

    [Fact]
    public void AucIsUndefinedWithOnlyOneKindOfWindow()
    {
        Assert.Null(DetectionMetrics.AreaUnderCurve([0.1, 0.2], [false, false]));
        Assert.Null(DetectionMetrics.Compute([0.1], [false], 0.5).Recall);
        Assert.Null(DetectionMetrics.Compute([0.7], [true], 0.5).HighestBenignScore);
    }
}
