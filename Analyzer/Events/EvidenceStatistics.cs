namespace Analyzer.Events;

/// <summary>What <c>--evidence</c> wrote, and what its caps dropped.</summary>
public sealed class EvidenceStatistics
{
    /// <summary>True when the run kept evidence at all (the summary reports it then).</summary>
    public bool Enabled { get; set; }
    public long Files { get; set; }
    public long Bytes { get; set; }
    /// <summary>Alerts with no packet to show: none named (aggregates) or none kept any more.</summary>
    public long AlertsWithoutPackets { get; set; }
    /// <summary>Alerts whose file was not written because of <see cref="EvidenceLimits.MaxFiles"/> or <see cref="EvidenceLimits.MaxWrittenBytes"/>.</summary>
    public long AlertsOverFileCap { get; set; }
    /// <summary>Frames not kept: over the per-connection or per-flow byte cap.</summary>
    public long FramesOverFlowCap { get; set; }
    /// <summary>Frames not appended to an alert's open connection file because of <see cref="EvidenceLimits.MaxWrittenBytes"/>.</summary>
    public long FramesOverFileCap { get; set; }
    /// <summary>Flows forgotten to stay within <see cref="EvidenceLimits.MaxFlows"/> or <see cref="EvidenceLimits.MaxBufferedBytes"/>.</summary>
    public long FlowsForgotten { get; set; }
    /// <summary>Evidence files that could not be written (disk full, permissions).</summary>
    public long WriteFailures { get; set; }

    public void Add(EvidenceStatistics o)
    {
        Enabled |= o.Enabled;
        Files += o.Files;
        Bytes += o.Bytes;
        AlertsWithoutPackets += o.AlertsWithoutPackets;
        AlertsOverFileCap += o.AlertsOverFileCap;
        FramesOverFlowCap += o.FramesOverFlowCap;
        FlowsForgotten += o.FlowsForgotten;
        FramesOverFileCap += o.FramesOverFileCap;
        WriteFailures += o.WriteFailures;
    }
}
