namespace Analyzer.Publishing;

public enum BrokerState
{
    /// <summary>Nothing sent yet.</summary>
    Connecting,
    /// <summary>The last send succeeded.</summary>
    Reachable,
    /// <summary>The last send failed; records are spooled and the sender retries with backoff.</summary>
    Unreachable,
}
