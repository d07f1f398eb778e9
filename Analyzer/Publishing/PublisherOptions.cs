namespace Analyzer.Publishing;

/// <summary>Settings of a <see cref="RecordPublisher"/>; every size has a default and a cap.</summary>
public sealed record PublisherOptions
{
    public const long DefaultSpoolCapBytes = 1L << 30;
    /// <summary>Below this a spool could not hold one batch of ordinary records.</summary>
    public const long MinSpoolCapBytes = 64 * 1024;
    /// <summary>A record larger than this is refused and counted: output records are a few hundred bytes.</summary>
    public const int MaxRecordBytes = 1024 * 1024;
    public const int MaxSensorIdLength = 256;
    /// <summary>A run fingerprint is a digest (32 hex digits from the CLI); longer text is a mistake.</summary>
    public const int MaxRunFingerprintLength = 256;
    public const int DefaultBatchRecords = 512;
    public const int MaxBatchRecords = 10_000;

    /// <summary>The id carried by every record; unique per sensor (the consumer de-duplicates by it and the sequence).</summary>
    public required string SensorId { get; init; }

    /// <summary>
    /// Set for an offline run (<c>analyze</c>, <c>fleet replay</c>): a digest of what, besides the captures, decides the
    /// run's records (its output-affecting options, configuration and model). The pipeline then keys each record by its
    /// capture (<see cref="CaptureKeys"/>) and its index, so a re-run publishes the same identities and the aggregator
    /// drops them as duplicates. Null for live capture: the sensor's sequence number identifies its records.
    /// </summary>
    public string? RunFingerprint { get; init; }

    /// <summary>The spool directory; one sensor per directory (a lock file enforces it).</summary>
    public required string SpoolDirectory { get; init; }

    /// <summary>Bytes on disk the spool may hold before the oldest events and flows are dropped.</summary>
    public long SpoolCapBytes { get; init; } = DefaultSpoolCapBytes;

    /// <summary>
    /// Bytes of records handed over but not yet written to the spool; past it events and flows are dropped (counted),
    /// past four times it every record is (counted as lost). Only a stalled disk ever fills it.
    /// </summary>
    public long QueueCapBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Records per send; one batch goes to the broker atomically.</summary>
    public int BatchRecords { get; init; } = DefaultBatchRecords;

    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(100);
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>fsync each batch written to the spool: survives a power loss, at a cost per batch. Off: a crash of
    /// the process loses nothing written, a crash of the machine may lose the last second.</summary>
    public bool SyncSpoolWrites { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> with a one-line reason when a setting is out of range.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(SensorId)) throw new ArgumentException("sensor id is empty");
        if (SensorId.Length > MaxSensorIdLength) throw new ArgumentException($"sensor id longer than {MaxSensorIdLength} characters");
        if (SensorId.Any(char.IsControl)) throw new ArgumentException("sensor id contains control characters");
        if (RunFingerprint is { Length: 0 or > MaxRunFingerprintLength }) throw new ArgumentException($"run fingerprint must be 1 to {MaxRunFingerprintLength} characters");
        if (string.IsNullOrWhiteSpace(SpoolDirectory)) throw new ArgumentException("spool directory is empty");
        if (SpoolCapBytes < MinSpoolCapBytes) throw new ArgumentException($"spool cap must be at least {MinSpoolCapBytes} bytes");
        if (QueueCapBytes < MaxRecordBytes) throw new ArgumentException($"queue cap must be at least {MaxRecordBytes} bytes");
        if (BatchRecords is < 1 or > MaxBatchRecords) throw new ArgumentException($"batch size must be from 1 to {MaxBatchRecords}");
        if (InitialBackoff <= TimeSpan.Zero || MaxBackoff < InitialBackoff) throw new ArgumentException("backoff must be positive and its maximum at least its start");
    }
}
