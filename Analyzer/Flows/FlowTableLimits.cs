namespace Analyzer.Flows;

/// <summary>Caps and timeouts of the flow table, in capture time.</summary>
public sealed record FlowTableLimits
{
    public const int DefaultMaxFlows = 65_536;

    public int MaxFlows { get; init; } = DefaultMaxFlows;
    public long UdpIdleTimeoutUs { get; init; } = 60_000_000;
    public long TcpIdleTimeoutUs { get; init; } = 300_000_000;
    /// <summary>A TCP flow closed by FIN both ways or RST lingers this long for late retransmissions.</summary>
    public long ClosedTimeoutUs { get; init; } = 5_000_000;
}
