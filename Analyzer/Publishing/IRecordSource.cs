namespace Analyzer.Publishing;

/// <summary>
/// The consumer side of a broker for one member of a consumer group: entries are shared among the group's members,
/// each entry goes to one of them and stays pending until acknowledged. Redis Streams now (XREADGROUP, XACK,
/// XAUTOCLAIM); a JetStream durable consumer or a Kafka consumer group fits the same shape. Failures throw
/// <see cref="BrokerUnavailableException"/>.
/// </summary>
public interface IRecordSource : IAsyncDisposable
{
    string Description { get; }

    /// <summary>
    /// Up to <paramref name="count"/> entries per stream: first the entries this member was given before a restart
    /// and never acknowledged, then new ones. Empty when nothing waits.
    /// </summary>
    Task<IReadOnlyList<BrokerEntry>> ReadAsync(int count, CancellationToken cancellationToken);

    /// <summary>Takes over entries that another member was given and left unacknowledged for at least <paramref name="minIdle"/>.</summary>
    Task<IReadOnlyList<BrokerEntry>> ClaimIdleAsync(TimeSpan minIdle, int count, CancellationToken cancellationToken);

    Task AcknowledgeAsync(IReadOnlyList<BrokerEntry> entries, CancellationToken cancellationToken);
}
