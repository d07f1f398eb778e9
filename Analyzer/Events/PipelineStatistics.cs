namespace Analyzer.Events;

/// <summary>What one run saw: packets, messages per protocol, alerts per category, anomalies per id.</summary>
public sealed class PipelineStatistics
{
    public long Packets { get; set; }
    public long Bytes { get; set; }
    public long NonIpFrames { get; set; }
    public long UnsupportedLinkFrames { get; set; }
    public long Fragments { get; set; }
    public long Reassembled { get; set; }
    public long Files { get; set; }
    public long FlowsCreated { get; set; }
    public long FlowsEvicted { get; set; }
    /// <summary>Alert rows written (a folded row counts once; its occurrences are in <see cref="AlertsByCategory"/>).</summary>
    public long AlertRows { get; set; }
    /// <summary>Alert rows not written because they are below <c>--min-severity</c>.</summary>
    public long AlertRowsBelowMinSeverity { get; set; }
    public EvidenceStatistics Evidence { get; } = new();
    public SortedDictionary<string, long> MessagesByProtocol { get; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, long> AlertsByCategory { get; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, long> AnomaliesById { get; } = new(StringComparer.Ordinal);

    public long Messages => MessagesByProtocol.Values.Sum();
    public long Alerts => AlertsByCategory.Values.Sum();
    public long Anomalies => AnomaliesById.Values.Sum();

    /// <summary>Adds another run's counts (one capture of a batch) to these.</summary>
    public void Add(PipelineStatistics other)
    {
        Packets += other.Packets;
        Bytes += other.Bytes;
        NonIpFrames += other.NonIpFrames;
        UnsupportedLinkFrames += other.UnsupportedLinkFrames;
        Fragments += other.Fragments;
        Reassembled += other.Reassembled;
        Files += other.Files;
        FlowsCreated += other.FlowsCreated;
        FlowsEvicted += other.FlowsEvicted;
        AlertRows += other.AlertRows;
        AlertRowsBelowMinSeverity += other.AlertRowsBelowMinSeverity;
        Evidence.Add(other.Evidence);
        foreach (var (k, v) in other.MessagesByProtocol) Increment(MessagesByProtocol, k, v);
        foreach (var (k, v) in other.AlertsByCategory) Increment(AlertsByCategory, k, v);
        foreach (var (k, v) in other.AnomaliesById) Increment(AnomaliesById, k, v);
    }

    internal static void Increment(SortedDictionary<string, long> counts, string key, long by = 1)
    {
        counts.TryGetValue(key, out long n);
        counts[key] = n + by;
    }
}
