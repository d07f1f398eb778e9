namespace Analyzer.Output;

/// <summary>
/// Writes alerts (<see cref="AlertRecords"/>), header first in CSV even when no alert follows, and flushes each
/// alert as it is written so a <c>tail -f</c> sees it at once and nothing is lost if the process is stopped.
/// </summary>
public sealed class AlertWriter(string path, OutputFormat format = OutputFormat.Csv, RecordLayout<Alert>? layout = null) : IAlertSink, IDisposable
{
    private readonly IRecordWriter<Alert> _writer = RecordWriters.Open(path, layout ?? AlertRecords.Layout, format, flushEachRow: true);

    public void OnAlert(Alert alert) => _writer.Write(alert);

    public void Dispose() => _writer.Dispose();
}
