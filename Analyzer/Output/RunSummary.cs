using System.Globalization;
using System.Text;

namespace Analyzer.Output;

/// <summary>The end-of-run summary printed on stderr.</summary>
public static class RunSummary
{
    public static string Format(PipelineStatistics s, TimeSpan elapsed)
    {
        var inv = CultureInfo.InvariantCulture;
        double seconds = Math.Max(elapsed.TotalSeconds, 1e-6);
        var sb = new StringBuilder();
        sb.Append(inv, $"read {s.Files} capture{(s.Files == 1 ? "" : "s")}: {s.Packets:N0} packets, {s.Bytes / 1048576.0:0.0} MB in {elapsed.TotalSeconds:0.00} s ({s.Packets / seconds:N0} packets/s)").Append('\n');
        sb.Append("messages: ").Append(Counts(s.MessagesByProtocol)).Append('\n');
        sb.Append("alerts: ").Append(AlertCounts(s)).Append('\n');
        sb.Append("decode anomalies: ").Append(Counts(s.AnomaliesById)).Append('\n');
        sb.Append(inv, $"flows: {s.FlowsCreated:N0} seen, {s.FlowsEvicted:N0} evicted by the cap; fragments: {s.Fragments:N0} ({s.Reassembled:N0} datagrams rebuilt); non-IP frames: {s.NonIpFrames:N0}");
        if (s.Evidence.Enabled)
        {
            var e = s.Evidence;
            sb.Append('\n').Append(inv, $"evidence: {e.Files:N0} pcap{(e.Files == 1 ? "" : "s")} ({e.Bytes / 1048576.0:0.0} MB); alerts without: {e.AlertsWithoutPackets:N0} (packets not named or no longer kept), {e.AlertsOverFileCap:N0} (file caps), {e.WriteFailures:N0} (write failures); dropped by the caps: {e.FramesOverFlowCap:N0} frames (per-flow caps), {e.FramesOverFileCap:N0} frames (written-bytes cap), {e.FlowsForgotten:N0} flows (memory caps)");
        }
        return sb.ToString();
    }

    /// <summary>Occurrences (a folded row holds many) and the rows that carry them.</summary>
    private static string AlertCounts(PipelineStatistics s)
    {
        var inv = CultureInfo.InvariantCulture;
        string below = s.AlertRowsBelowMinSeverity > 0 ? string.Create(inv, $"; {s.AlertRowsBelowMinSeverity:N0} rows below --min-severity not written") : "";
        if (s.AlertRows == 0) return "none" + below;
        string breakdown = string.Join(", ", s.AlertsByCategory.Select(kv => string.Create(inv, $"{kv.Key} {kv.Value:N0}")));
        return string.Create(inv, $"{s.Alerts:N0} occurrence{(s.Alerts == 1 ? "" : "s")} in {s.AlertRows:N0} row{(s.AlertRows == 1 ? "" : "s")} ({breakdown})") + below;
    }

    private static string Counts(SortedDictionary<string, long> counts)
    {
        if (counts.Count == 0) return "none";
        long total = counts.Values.Sum();
        return string.Create(CultureInfo.InvariantCulture, $"{total:N0} (") + string.Join(", ", counts.Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key} {kv.Value:N0}"))) + ")";
    }
}
