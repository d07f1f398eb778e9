using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Analyzer.Events;
using CsvHelper;

namespace Analyzer.Output;

/// <summary>
/// The per-message log (<c>--events</c>): one row per decoded message. The message's own fields go in the last
/// column as one JSON object, so every protocol shares one file and the columns never shift.
/// </summary>
public sealed class EventCsvWriter : IDisposable
{
    public static readonly string[] Columns =
        ["time", "protocol", "message", "src_ip", "src_port", "dst_ip", "dst_port", "frame", "file", "fields"];

    private static readonly JsonWriterOptions JsonOptions = new()
    {
        // The JSON lands in a CSV cell, not in HTML: keep <, >, & and non-ASCII readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly CsvWriter _csv;
    private readonly MemoryStream _json = new();
    private readonly Utf8JsonWriter _jsonWriter;

    public EventCsvWriter(string path)
    {
        _csv = CsvOutput.Open(path);
        _csv.WriteRecord(Columns);
        _jsonWriter = new Utf8JsonWriter(_json, JsonOptions);
    }

    /// <summary>The capture being read, written in the <c>file</c> column.</summary>
    public string? CurrentFile { get; set; }

    public void Write(AnalyzerEvent e)
    {
        var p = e.Packet;
        _csv.WriteField(Timestamp.Format(p.TimestampUs));
        _csv.WriteField(e.Protocol);
        _csv.WriteField(CsvText.Clean(e.Message));
        _csv.WriteField(p.Src.ToString());
        _csv.WriteField(p.SrcPort.ToString(CultureInfo.InvariantCulture));
        _csv.WriteField(p.Dst.ToString());
        _csv.WriteField(p.DstPort.ToString(CultureInfo.InvariantCulture));
        _csv.WriteField(p.FrameNumber.ToString(CultureInfo.InvariantCulture));
        _csv.WriteField(CsvText.Clean(CurrentFile));
        _csv.WriteField(FieldsJson(e));
        _csv.EndRecord();
    }

    public void Flush() => _csv.Flush();

    /// <summary>
    /// The fields as UTF-8 JSON, written straight into the CSV cell. The JSON writer escapes control characters
    /// itself (\u00XX), so values need no other cleaning; decoders already cap their length.
    /// </summary>
    private ReadOnlySpan<byte> FieldsJson(AnalyzerEvent e)
    {
        _json.SetLength(0);
        _jsonWriter.Reset(_json);
        _jsonWriter.WriteStartObject();
        foreach (var (name, value) in e.Fields())
            _jsonWriter.WriteString(name, value);
        _jsonWriter.WriteEndObject();
        _jsonWriter.Flush();
        return _json.GetBuffer().AsSpan(0, (int)_json.Length);
    }

    public void Dispose()
    {
        _jsonWriter.Dispose();
        _csv.Dispose();
    }
}
