using Analyzer.Learning;

namespace Analyzer.Tests.Learning;

public class ThresholdSelectorTests
{
    [Fact]
    public void TheThresholdMaximizesF1AndSitsHalfwayToTheNextLowerScore()
    {
        double[] scores = [0.1, 0.2, 0.3, 0.7, 0.8, 0.25];
        bool[] attack = [false, false, false, true, true, true];
        // Cut above 0.7: P=1 R=2/3 → F1 0.8; cut above 0.25: P=1 R=1 → F1 1.
        var (threshold, rule) = ThresholdSelector.Choose(scores, attack);
        Assert.Equal(0.225, threshold, 12);
        Assert.Equal("maximum F1 on the validation split", rule);
    }

    [Fact]
    public void TiesInF1PreferTheHigherThreshold()
    {
        double[] scores = [0.1, 0.5, 0.9];
        bool[] attack = [false, true, false];
        // Cut at 0.9 flags the benign 0.9 only (F1 0); cut at 0.5: P=1/2 R=1 → 2/3; cut at 0.1: P=1/3 R=1 → 1/2.
        Assert.Equal(0.3, ThresholdSelector.Choose(scores, attack).Threshold, 12);
    }

    [Fact]
    public void WithoutAttacksTheThresholdIsTheBenignQuantile()
    {
        var scores = Enumerable.Range(0, 101).Select(i => (double)i).ToArray();
        var (threshold, rule) = ThresholdSelector.Choose(scores, new bool[scores.Length]);
        Assert.Equal(Math.BitIncrement(99.0), threshold);
        Assert.StartsWith("just above quantile", rule);
    }
}
