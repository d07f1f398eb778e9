using Analyzer.Decoding;

namespace Analyzer.Rules;

/// <summary>
/// Turns repeats into counts: the first alert of a rule for a (source, destination) pair is written at once; the
/// repeats within the aggregation window are counted and written as one row (count = repeats) when the window
/// closes, so a flood gives two rows, not thousands, and no alert is lost.
/// </summary>
public sealed class AlertAggregator(IAlertSink sink, RuleThresholds thresholds)
{
    private readonly record struct Key(string Rule, NetAddress Src, NetAddress Dst);

    private sealed class Window
    {
        public required Alert First;
        public Alert? Last;
        public int Repeats;
    }

    private readonly Dictionary<Key, Window> _open = [];
    private readonly Queue<(Key Key, Window Window)> _byStart = new();

    public long Raised { get; private set; }

    public void Raise(Alert alert)
    {
        Raised++;
        var key = new Key(alert.Rule, alert.Src, alert.Dst);
        if (_open.TryGetValue(key, out var w))
        {
            w.Repeats++;
            w.Last = alert;
            return;
        }
        if (_open.Count >= thresholds.MaxOpenAggregates) CloseOldest();
        w = new Window { First = alert };
        _open[key] = w;
        _byStart.Enqueue((key, w));
        sink.OnAlert(alert);
    }

    public void Expire(long nowUs)
    {
        while (_byStart.Count > 0 && nowUs - _byStart.Peek().Window.First.TimestampUs >= thresholds.AggregationWindowUs)
            CloseOldest();
    }

    public void Flush()
    {
        while (_byStart.Count > 0) CloseOldest();
    }

    private void CloseOldest()
    {
        var (key, w) = _byStart.Dequeue();
        _open.Remove(key);
        if (w.Repeats == 0 || w.Last is null) return;
        sink.OnAlert(w.Last with
        {
            Count = w.Repeats,
            FoldsRepeats = true,
            Summary = $"{w.Last.Summary} (repeated {w.Repeats} more time{(w.Repeats == 1 ? "" : "s")} since {Timestamp.Format(w.First.TimestampUs)})",
        });
    }
}
