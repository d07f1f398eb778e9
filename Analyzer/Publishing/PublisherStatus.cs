namespace Analyzer.Publishing;

/// <summary>A snapshot of a publisher, for the status line and the run summary.</summary>
public sealed record PublisherStatus
{
    public required BrokerState State { get; init; }
    /// <summary>The last failure while unreachable, one line; null otherwise.</summary>
    public string? LastError { get; init; }
    /// <summary>Records handed to <see cref="RecordPublisher.Publish"/> and accepted.</summary>
    public long Accepted { get; init; }
    /// <summary>Records the broker acknowledged.</summary>
    public long Delivered { get; init; }
    /// <summary>Records in the spool or on their way to it, not yet acknowledged.</summary>
    public long Pending { get; init; }
    /// <summary>Of <see cref="Pending"/>, records still in memory on their way to the spool.</summary>
    public long Queued { get; init; }
    public long SpoolBytes { get; init; }
    /// <summary>Events and flows dropped for room (spool or queue full).</summary>
    public long DroppedEvents { get; init; }
    public long DroppedFlows { get; init; }
    /// <summary>Alerts, devices or mappings refused: the spool was full of them, or a record was over the size cap.</summary>
    public long Lost { get; init; }
    public long LastSequence { get; init; }

    /// <summary>The status-line fragment: <c>broker up, 1,234 sent, 0 waiting</c>.</summary>
    public string Summary()
    {
        var state = State switch
        {
            BrokerState.Reachable => "broker up",
            BrokerState.Unreachable => "broker DOWN",
            _ => "broker connecting",
        };
        var text = $"{state}, {Delivered:N0} sent, {Pending:N0} spooled";
        long dropped = DroppedEvents + DroppedFlows;
        if (dropped > 0) text += $", {dropped:N0} events/flows dropped";
        if (Lost > 0) text += $", {Lost:N0} LOST";
        return text;
    }
}
