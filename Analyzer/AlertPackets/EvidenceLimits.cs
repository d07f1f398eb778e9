namespace Analyzer.AlertPackets;

/// <summary>
/// The caps of <c>--evidence</c>: what is kept in memory to write an alert's packets, and what is written. What a
/// cap drops is counted (<see cref="EvidenceStatistics"/>) and reported in the run's summary.
/// </summary>
public sealed record EvidenceLimits
{
    /// <summary>Connections and datagram flows whose packets are kept; beyond it the oldest is forgotten.</summary>
    public int MaxFlows { get; init; } = 4096;

    /// <summary>Frames kept per TCP connection, from its handshake on; later frames are dropped.</summary>
    public int MaxFramesPerConnection { get; init; } = 200;

    /// <summary>Frames kept per UDP flow: the latest ones, so the datagram of an alert is still there.</summary>
    public int MaxFramesPerDatagramFlow { get; init; } = 64;

    /// <summary>Bytes kept per flow (and so per evidence file).</summary>
    public int MaxBytesPerFlow { get; init; } = 1024 * 1024;

    /// <summary>Bytes of frames kept in memory at once; beyond it the oldest flows are forgotten.</summary>
    public long MaxBufferedBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Evidence files of one TCP connection that its later frames are still appended to.</summary>
    public int MaxFilesFollowingConnection { get; init; } = 16;

    /// <summary>Evidence files written per capture run.</summary>
    public int MaxFiles { get; init; } = 10_000;

    /// <summary>Bytes of evidence files written per capture run.</summary>
    public long MaxWrittenBytes { get; init; } = 512L * 1024 * 1024;
}
