namespace Analyzer.Census;

/// <summary>
/// The activity of one host over the input: its UPnP-family messages and the alerts that name it, counted, with the
/// first and last time. For the plot it keeps at most <see cref="MaxTimes"/> times of each kind, evenly thinned (every
/// other one dropped and the stride doubled when full), so a long capture is drawn over its whole span.
/// </summary>
public sealed class HostTimeline(string host)
{
    public const int MaxTimes = 256;

    private readonly Thinned _messages = new();
    private readonly Thinned _alerts = new();

    public string Host { get; } = host;
    public int Messages { get; private set; }
    public int Alerts { get; private set; }
    public long FirstUs { get; private set; } = long.MaxValue;
    public long LastUs { get; private set; } = long.MinValue;
    public long? FirstAlertUs { get; private set; }
    public IReadOnlyList<long> MessageTimes => _messages.Times;
    public IReadOnlyList<long> AlertTimes => _alerts.Times;

    public void AddMessage(long us)
    {
        Messages++;
        Seen(us);
        _messages.Add(us);
    }

    public void AddAlert(long us)
    {
        Alerts++;
        Seen(us);
        if (FirstAlertUs is null || us < FirstAlertUs) FirstAlertUs = us;
        _alerts.Add(us);
    }

    private void Seen(long us)
    {
        if (us < FirstUs) FirstUs = us;
        if (us > LastUs) LastUs = us;
    }

    private sealed class Thinned
    {
        private long _seen;
        private int _stride = 1;

        public List<long> Times { get; } = [];

        public void Add(long us)
        {
            if (_seen++ % _stride != 0) return;
            Times.Add(us);
            if (Times.Count < MaxTimes) return;
            for (int i = 0; i < Times.Count / 2; i++) Times[i] = Times[2 * i];
            Times.RemoveRange(Times.Count / 2, Times.Count - Times.Count / 2);
            _stride *= 2;
        }
    }
}
