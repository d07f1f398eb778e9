using Analyzer.Decoding;
using Analyzer.Output;
using Analyzer.Rules;

namespace Analyzer.Tests.Rules;

public class AlertAggregatorTests
{
    private sealed class Collect : IAlertSink
    {
        public List<Alert> Alerts { get; } = [];
        public void OnAlert(Alert alert) => Alerts.Add(alert);
    }

    private static Alert At(long t, string src = "203.0.113.5") => new()
    {
        TimestampUs = t, Rule = "r", Category = AlertCategory.Recon, Severity = Severity.Low,
        Src = NetAddress.Parse(src), Dst = NetAddress.Parse("192.168.1.1"), Protocol = "soap", Summary = "probe",
    };

    [Fact]
    public void RepeatsWithinTheWindowBecomeOneCountedRow()
    {
        var sink = new Collect();
        var thresholds = new RuleThresholds();
        var agg = new AlertAggregator(sink, thresholds);

        for (int i = 0; i < 1000; i++) agg.Raise(At(i * 1000));
        Assert.Single(sink.Alerts);
        agg.Expire(thresholds.AggregationWindowUs);

        Assert.Equal(2, sink.Alerts.Count);
        Assert.Equal(1, sink.Alerts[0].Count);
        Assert.Equal(999, sink.Alerts[1].Count);
        Assert.Equal("probe (repeated 999 more times since 2026-03-14T09:00:00.000000Z)".Length, sink.Alerts[1].Summary.Length);
        Assert.StartsWith("probe (repeated 999 more times since 1970-01-01T00:00:00.000000Z)", sink.Alerts[1].Summary);
    }

    /// <summary>The order contract of the alert file (README, "Order of the alert rows").</summary>
    [Fact]
    public void AFoldedRowCarriesTheTimeOfItsLastRepeatAndIsWrittenWhenItsWindowCloses()
    {
        var sink = new Collect();
        var thresholds = new RuleThresholds();
        var agg = new AlertAggregator(sink, thresholds);

        agg.Raise(At(0));
        agg.Raise(At(10_000_000));
        agg.Raise(At(20_000_000));
        agg.Raise(At(30_000_000, "203.0.113.9"));
        agg.Expire(thresholds.AggregationWindowUs - 1);
        Assert.Equal([0L, 30_000_000L], sink.Alerts.Select(a => a.TimestampUs));

        agg.Expire(thresholds.AggregationWindowUs);

        Assert.Equal([0L, 30_000_000L, 20_000_000L], sink.Alerts.Select(a => a.TimestampUs));
        Assert.Equal([1, 1, 2], sink.Alerts.Select(a => a.Count));
        Assert.EndsWith("(repeated 2 more times since 1970-01-01T00:00:00.000000Z)", sink.Alerts[2].Summary);
    }

    [Fact]
    public void DifferentSourcesAreNotMerged()
    {
        var sink = new Collect();
        var agg = new AlertAggregator(sink, new RuleThresholds());

        agg.Raise(At(0, "203.0.113.5"));
        agg.Raise(At(0, "203.0.113.6"));

        Assert.Equal(2, sink.Alerts.Count);
    }

    [Fact]
    public void FlushWritesPendingRepeatsSoNoneIsLost()
    {
        var sink = new Collect();
        var agg = new AlertAggregator(sink, new RuleThresholds());

        agg.Raise(At(0));
        agg.Raise(At(1));
        agg.Flush();

        Assert.Equal([1, 1], sink.Alerts.Select(a => a.Count));
    }
}
