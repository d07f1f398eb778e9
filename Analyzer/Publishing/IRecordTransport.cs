namespace Analyzer.Publishing;

/// <summary>
/// The producer side of a broker: Redis Streams now, NATS JetStream or Kafka later. Implementations map a record type
/// to a stream (subject, topic) with <see cref="RecordTypes.StreamName"/> and carry the sensor id and sequence with
/// each record (<see cref="StreamEntryFields"/>).
/// </summary>
public interface IRecordTransport : IAsyncDisposable
{
    /// <summary>Where records go, without any password: for messages.</summary>
    string Description { get; }

    /// <summary>
    /// Sends a batch, in order. Returns once the broker holds every record of it; throws
    /// <see cref="BrokerUnavailableException"/> otherwise, and then any part of the batch may be there already (the
    /// caller sends the whole batch again, and the consumer removes the duplicates by sensor and sequence).
    /// </summary>
    Task SendAsync(string sensorId, IReadOnlyList<SpooledRecord> batch, CancellationToken cancellationToken);
}
