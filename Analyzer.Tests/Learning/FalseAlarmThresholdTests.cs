using Analyzer.Learning;

namespace Analyzer.Tests.Learning;

public class FalseAlarmThresholdTests
{
    [Fact]
    public void TheThresholdLetsTheStatedShareOfBenignScoresThroughAndNoMore()
    {
        double[] benign = [.. Enumerable.Range(1, 200).Select(i => i / 100.0)];
        var (threshold, rule) = FalseAlarmThreshold.Choose(benign, 0.01);
        Assert.Equal(Math.BitIncrement(1.98), threshold);
        Assert.Equal(2, benign.Count(s => s >= threshold));
        Assert.Equal("false-alarm rate 1 % on 200 benign validation windows: above all but the 2 highest", rule);
    }

    [Fact]
    public void ARateOfZeroPutsTheThresholdJustAboveTheHighestScoreAndNeverHigher()
    {
        var (threshold, _) = FalseAlarmThreshold.Choose([0.5, 0.7, 0.2], 0);
        Assert.Equal(Math.BitIncrement(0.7), threshold);
    }

    [Fact]
    public void TiedScoresAtTheCutAreAllLetThroughOrNone()
    {
        // Ten windows, 10 % allowed: the second highest is tied with the highest, so the cut sits above both.
        var (threshold, _) = FalseAlarmThreshold.Choose([1, 1, 0.5, 0.4, 0.3, 0.3, 0.2, 0.1, 0.1, 0.0], 0.1);
        Assert.Equal(Math.BitIncrement(1.0), threshold);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void ARateOutsideZeroToOneIsRefused(double rate) =>
        Assert.Throws<ArgumentException>(() => FalseAlarmThreshold.Choose([0.5], rate));

    [Fact]
    public void NoBenignScoresIsRefused() =>
        Assert.Throws<ArgumentException>(() => FalseAlarmThreshold.Choose([], 0.01));
}
