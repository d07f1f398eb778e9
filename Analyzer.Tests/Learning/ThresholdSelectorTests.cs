using Analyzer.Learning;

namespace Analyzer.Tests.Learning;

public class ThresholdSelectorTests
{
    [Fact]
    public void TheThresholdIsTheHighestBenignScorePlusTheMargin()
    {
        double[] benign = [0.1, 0.8, 0.3, 0.25];
        var (threshold, rule) = ThresholdSelector.Choose(benign, 0.25);
        Assert.Equal(1.0, threshold, 12);
        Assert.Equal("highest benign training or validation score (0.8) plus a margin of 25 %", rule);
    }

    [Fact]
    public void WithoutAMarginTheHighestBenignScoreIsStillNotFlagged()
    {
        double[] benign = [0.5, 0.7];
        var (threshold, _) = ThresholdSelector.Choose(benign, 0);
        Assert.True(threshold > 0.7);
        Assert.Equal(Math.BitIncrement(0.7), threshold);
    }

    [Fact]
    public void AllBenignScoresOfZeroGiveTheSmallestPositiveThreshold()
    {
        // A model that reconstructs every benign window exactly must still not flag a window that scores 0.
        Assert.Equal(double.Epsilon, ThresholdSelector.Choose([0.0, 0.0], 0.25).Threshold);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void ANegativeOrUndefinedMarginIsRefused(double margin) =>
        Assert.Throws<ArgumentException>(() => ThresholdSelector.Choose([0.5], margin));

    [Fact]
    public void NoBenignScoresIsRefused() =>
        Assert.Throws<ArgumentException>(() => ThresholdSelector.Choose([], 0.25));
}
