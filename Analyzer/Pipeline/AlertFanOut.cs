using Analyzer.Output;

namespace Analyzer.Pipeline;

/// <summary>Keeps the alerts at or above the minimum severity, counts them and hands them to the writers.</summary>
internal sealed class AlertFanOut(PipelineStatistics stats, IReadOnlyList<IAlertSink> writers, Severity minSeverity) : IAlertSink
{
    public void OnAlert(Alert alert)
    {
        if (alert.Severity < minSeverity)
        {
            stats.AlertRowsBelowMinSeverity++;
            return;
        }
        stats.AlertRows++;
        PipelineStatistics.Increment(stats.AlertsByCategory, alert.Category.Name(), alert.Count);
        foreach (var w in writers) w.OnAlert(alert);
    }
}
