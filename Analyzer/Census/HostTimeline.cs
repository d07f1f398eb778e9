namespace Analyzer.Census;

/// <summary>
/// The activity of one host over the input: its UPnP-family messages and the alerts that name it, as times, with
/// the first and last of each. Times kept per host are capped (<see cref="MaxTimes"/>); the counts are not.
/// </summary>
public sealed class HostTimeline(string host)
{
    public const int MaxTimes = 2000;

    public string Host { get; } = host;
    public int Messages { get; private set; }
    public int Alerts { get; private set; }
    public long FirstUs { get; private set; } = long.MaxValue;
    public long LastUs { get; private set; } = long.MinValue;
    public long? FirstAlertUs { get; private set; }
    public List<long> MessageTimes { get; } = [];
    public List<long> AlertTimes { get; } = [];

    public void AddMessage(long us)
    {
        Messages++;
        Seen(us);
        if (MessageTimes.Count < MaxTimes) MessageTimes.Add(us);
    }

    public void AddAlert(long us)
    {
        Alerts++;
        Seen(us);
        if (FirstAlertUs is null || us < FirstAlertUs) FirstAlertUs = us;
        if (AlertTimes.Count < MaxTimes) AlertTimes.Add(us);
    }

    private void Seen(long us)
    {
        if (us < FirstUs) FirstUs = us;
        if (us > LastUs) LastUs = us;
    }
}
