namespace Analyzer.Reassembly;

/// <summary>
/// Every bound of the reassembler, so that no capture can make it hold unbounded memory. What a bound drops is
/// counted in <see cref="TcpReassemblyCounters"/> and reported as an anomaly.
/// </summary>
public sealed record TcpReassemblyLimits
{
    public const int DefaultMaxStreams = 64 * 1024;
    // A message head (32 KB) plus one segment, which TSO/GRO captures show up to 64 KB long.
    public const int DefaultMaxPendingBytesPerDirection = 128 * 1024;
    public const int DefaultMaxOutOfOrderBytesPerDirection = 256 * 1024;
    public const int DefaultMaxOutOfOrderSegmentsPerDirection = 128;
    public const long DefaultMaxTotalBytes = 64L * 1024 * 1024;
    public const int DefaultMaxSequenceJump = 16 * 1024 * 1024;
    public const long DefaultIdleTimeoutUs = 300_000_000;
    public const long DefaultClosedLingerUs = 30_000_000;
    public const long DefaultExpireIntervalUs = 5_000_000;

    /// <summary>Connections tracked at once; beyond it the least recently active one is evicted.</summary>
    public int MaxStreams { get; init; } = DefaultMaxStreams;

    /// <summary>In-order bytes a consumer may leave unconsumed in one direction (an incomplete message head).</summary>
    public int MaxPendingBytesPerDirection { get; init; } = DefaultMaxPendingBytesPerDirection;

    /// <summary>Bytes held ahead of a hole in one direction.</summary>
    public int MaxOutOfOrderBytesPerDirection { get; init; } = DefaultMaxOutOfOrderBytesPerDirection;

    /// <summary>Segments held ahead of a hole in one direction.</summary>
    public int MaxOutOfOrderSegmentsPerDirection { get; init; } = DefaultMaxOutOfOrderSegmentsPerDirection;

    /// <summary>
    /// Bytes held by all connections together, the consumer's reported state included; beyond it the least recently
    /// active connections are evicted.
    /// </summary>
    public long MaxTotalBytes { get; init; } = DefaultMaxTotalBytes;

    /// <summary>A segment starting further than this ahead of the next expected byte is out of window and dropped.</summary>
    public int MaxSequenceJump { get; init; } = DefaultMaxSequenceJump;

    /// <summary>A connection with no segment for this long (capture time) is flushed and forgotten.</summary>
    public long IdleTimeoutUs { get; init; } = DefaultIdleTimeoutUs;

    /// <summary>A closed connection is remembered this long so that late retransmissions are not read as a new one.</summary>
    public long ClosedLingerUs { get; init; } = DefaultClosedLingerUs;

    /// <summary>How often (capture time) the reassembler expires idle connections by itself.</summary>
    public long ExpireIntervalUs { get; init; } = DefaultExpireIntervalUs;
}
