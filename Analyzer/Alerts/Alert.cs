
namespace Analyzer.Alerts;

/// <summary>
/// One finding. The first eleven properties are the public CSV contract, in order
/// (<c>time,rule,category,severity,src_ip,src_port,dst_ip,dst_port,protocol,summary,score</c>); the rest are
/// extra columns after them.
/// </summary>
public sealed record Alert
{
    public required long TimestampUs { get; init; }
    public required string Rule { get; init; }
    public required AlertCategory Category { get; init; }
    public required Severity Severity { get; init; }
    public NetAddress Src { get; init; }
    public ushort SrcPort { get; init; }
    public NetAddress Dst { get; init; }
    public ushort DstPort { get; init; }
    public required string Protocol { get; init; }
    public required string Summary { get; init; }
    /// <summary>Anomaly score of the host and window concerned, when a model is loaded.</summary>
    public double? Score { get; init; }
    /// <summary>How many occurrences this alert stands for (aggregated per rule, hosts and window).</summary>
    public int Count { get; init; } = 1;
    /// <summary>A row written when its aggregation window closes, for the repeats after the first row: it is not
    /// written with a packet of its own, so nothing that depends on the moment of writing may go in it.</summary>
    public bool FoldsRepeats { get; init; }
    /// <summary>Capture file the alert was found in, and the frame number there.</summary>
    public string? File { get; init; }
    public long Frame { get; init; }
    /// <summary>The pcap holding the packets of this alert (<c>--evidence</c>), or null.</summary>
    public string? Evidence { get; init; }
}
