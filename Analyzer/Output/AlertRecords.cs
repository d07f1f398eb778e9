using Analyzer.Decoding;

namespace Analyzer.Output;

/// <summary>
/// The alert record: the first eleven columns are the product's contract
/// (<c>time,rule,category,severity,src_ip,src_port,dst_ip,dst_port,protocol,summary,score</c>), the rest extras.
/// </summary>
public static class AlertRecords
{
    public const string EventType = "alert";

    private static readonly string[] SeverityNames = [.. Enum.GetValues<Severity>().Select(s => s.ToString().ToLowerInvariant())];

    public static readonly RecordLayout<Alert> Layout = new(EventType,
    [
        new("time", a => Cell.Time(a.TimestampUs), EveEnvelope.Timestamp),
        new("rule", a => Cell.Text(a.Rule)),
        new("category", a => Cell.Text(a.Category.Name())),
        new("severity", a => Cell.Text(SeverityName(a.Severity))),
        new("src_ip", a => a.Src == default ? Cell.Empty : Cell.Text(a.Src.ToString()), EveEnvelope.SrcIp),
        new("src_port", a => a.Src == default ? Cell.Empty : Cell.Integer(a.SrcPort), EveEnvelope.SrcPort),
        new("dst_ip", a => a.Dst == default ? Cell.Empty : Cell.Text(a.Dst.ToString()), EveEnvelope.DestIp),
        new("dst_port", a => a.Dst == default ? Cell.Empty : Cell.Integer(a.DstPort), EveEnvelope.DestPort),
        new("protocol", a => Cell.Text(a.Protocol), EveEnvelope.AppProto),
        new("summary", a => Cell.Untrusted(a.Summary)),
        new("score", a => Cell.Real(a.Score)),
        new("count", a => Cell.Integer(a.Count)),
        new("file", a => Cell.Untrusted(a.File)),
        new("frame", a => a.Frame == 0 ? Cell.Empty : Cell.Integer(a.Frame)),
    ]);

    /// <summary>The alert record with the <c>evidence</c> column last, when <c>--evidence</c> writes packet files.</summary>
    public static readonly RecordLayout<Alert> WithEvidence = Layout.With(new("evidence", a => Cell.Untrusted(a.Evidence)));

    /// <summary>The CSV header, in order.</summary>
    public static string[] Columns => Layout.CsvHeader;

    public static string SeverityName(Severity s) => (uint)s < (uint)SeverityNames.Length ? SeverityNames[(int)s] : s.ToString().ToLowerInvariant();
}
