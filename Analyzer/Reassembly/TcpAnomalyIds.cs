namespace Analyzer.Reassembly;

/// <summary>Stable ids of the anomalies the reassembler reports.</summary>
public static class TcpAnomalyIds
{
    /// <summary>Two segments carried different bytes for the same sequence numbers; the first one was kept.</summary>
    public const string ConflictingOverlap = "tcp.conflicting_overlap";
    /// <summary>Bytes that never arrived (lost in capture or never sent); the stream continues after them.</summary>
    public const string Gap = "tcp.gap";
    /// <summary>A per-direction cap dropped bytes.</summary>
    public const string StreamCap = "tcp.stream_cap";
    /// <summary>The global byte cap or the connection table cap evicted a connection.</summary>
    public const string GlobalCap = "tcp.global_cap";
    /// <summary>A segment far outside the expected sequence window.</summary>
    public const string OutOfWindow = "tcp.out_of_window";
}
