using Analyzer.Output;

namespace Analyzer.Pipeline;

/// <summary>Counts alerts per category and hands them to the writers.</summary>
internal sealed class AlertFanOut(PipelineStatistics stats, IReadOnlyList<IAlertSink> writers) : IAlertSink
{
    public void OnAlert(Alert alert)
    {
        PipelineStatistics.Increment(stats.AlertsByCategory, alert.Category.Name(), alert.Count);
        foreach (var w in writers) w.OnAlert(alert);
    }
}
