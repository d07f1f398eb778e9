using System.Globalization;
using CsvHelper;

namespace Analyzer.Output;

/// <summary>
/// Writes alerts as CSV, header first even when no alert follows, and flushes each alert as it is written so a
/// <c>tail -f</c> sees it at once and nothing is lost if the process is stopped.
/// </summary>
public sealed class AlertCsvWriter : IAlertSink, IDisposable
{
    /// <summary>The column contract: the first eleven are fixed by the product, the rest are extras.</summary>
    public static readonly string[] Columns =
        ["time", "rule", "category", "severity", "src_ip", "src_port", "dst_ip", "dst_port", "protocol", "summary", "score", "count", "file", "frame"];

    private readonly CsvWriter _csv;

    public AlertCsvWriter(string path)
    {
        _csv = CsvOutput.Open(path);
        _csv.WriteRecord(Columns);
        _csv.Flush();
    }

    public void OnAlert(Alert a)
    {
        _csv.WriteField(Timestamp.Format(a.TimestampUs));
        _csv.WriteField(a.Rule);
        _csv.WriteField(a.Category.Name());
        _csv.WriteField(a.Severity.ToString().ToLowerInvariant());
        _csv.WriteField(a.Src == default ? "" : a.Src.ToString());
        _csv.WriteField(a.Src == default ? "" : a.SrcPort.ToString(CultureInfo.InvariantCulture));
        _csv.WriteField(a.Dst == default ? "" : a.Dst.ToString());
        _csv.WriteField(a.Dst == default ? "" : a.DstPort.ToString(CultureInfo.InvariantCulture));
        _csv.WriteField(a.Protocol);
        _csv.WriteField(CsvText.Clean(a.Summary));
        _csv.WriteField(a.Score is double s ? s.ToString("0.####", CultureInfo.InvariantCulture) : "");
        _csv.WriteField(a.Count.ToString(CultureInfo.InvariantCulture));
        _csv.WriteField(a.File is null ? "" : CsvText.Clean(a.File));
        _csv.WriteField(a.Frame == 0 ? "" : a.Frame.ToString(CultureInfo.InvariantCulture));
        _csv.EndRecord();
        _csv.Flush();
    }

    public void Dispose() => _csv.Dispose();
}
