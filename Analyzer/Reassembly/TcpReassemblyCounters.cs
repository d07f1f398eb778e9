namespace Analyzer.Reassembly;

/// <summary>What the reassembler did and, above all, what its caps dropped.</summary>
public sealed class TcpReassemblyCounters
{
    public long StreamsCreated { get; internal set; }
    public long StreamsClosed { get; internal set; }
    public long StreamsExpired { get; internal set; }
    /// <summary>Connections dropped because the table was full.</summary>
    public long StreamsEvicted { get; internal set; }
    /// <summary>Connections dropped to bring the total held bytes under <see cref="TcpReassemblyLimits.MaxTotalBytes"/>.</summary>
    public long StreamsEvictedForMemory { get; internal set; }
    public long SegmentsIgnored { get; internal set; }
    public long BytesDelivered { get; internal set; }
    public long RetransmittedBytes { get; internal set; }
    public long ConflictingOverlaps { get; internal set; }
    public long Gaps { get; internal set; }
    public long GapBytes { get; internal set; }
    public long SegmentsOutOfWindow { get; internal set; }
    /// <summary>Bytes dropped by the per-direction caps.</summary>
    public long BytesDroppedStreamCap { get; internal set; }
    /// <summary>Bytes dropped by the global cap or by eviction.</summary>
    public long BytesDroppedGlobalCap { get; internal set; }
}
