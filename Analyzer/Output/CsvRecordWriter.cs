using System.Globalization;
using System.Text.Json;
using CsvHelper;

namespace Analyzer.Output;

/// <summary>
/// Writes rows as CSV in the columns of a <see cref="RecordLayout{T}"/>, header first even when no row follows.
/// With <paramref name="flushEachRow"/> every row reaches the file as it is written (alerts, mappings: a
/// <c>tail -f</c> sees them at once and nothing is lost if the process is stopped).
/// </summary>
public sealed class CsvRecordWriter<T> : IRecordWriter<T>
{
    private readonly CsvWriter _csv;
    private readonly Column<T>[] _columns;
    private readonly bool _flushEachRow;
    private MemoryStream? _json;
    private Utf8JsonWriter? _jsonWriter;

    public CsvRecordWriter(string path, RecordLayout<T> layout, bool flushEachRow)
    {
        _columns = layout.CsvColumns;
        _flushEachRow = flushEachRow;
        _csv = CsvOutput.Open(path);
        _csv.WriteRecord(layout.CsvHeader);
        if (flushEachRow) _csv.Flush();
    }

    public void Write(T row)
    {
        foreach (var column in _columns)
            WriteCell(column.Value(row));
        _csv.EndRecord();
        if (_flushEachRow) _csv.Flush();
    }

    private void WriteCell(Cell cell)
    {
        var inv = CultureInfo.InvariantCulture;
        switch (cell.Kind)
        {
            case CellKind.Empty: _csv.WriteField(""); break;
            case CellKind.Text: _csv.WriteField(cell.AsText); break;
            case CellKind.UntrustedText: _csv.WriteField(CsvText.Clean(cell.AsText)); break;
            case CellKind.Integer: _csv.WriteField(cell.AsInteger.ToString(inv)); break;
            case CellKind.Real: _csv.WriteField(cell.AsReal.ToString("0.####", inv)); break;
            case CellKind.Boolean: _csv.WriteField(cell.AsBoolean ? "1" : "0"); break;
            case CellKind.Time: _csv.WriteField(Timestamp.Format(cell.AsInteger)); break;
            case CellKind.List: _csv.WriteField(CsvText.Clean(string.Join(CsvOutput.ListSeparator, cell.AsList))); break;
            case CellKind.EventFields: _csv.WriteField(FieldsJson(cell)); break;
        }
    }

    /// <summary>
    /// The fields as UTF-8 JSON, written straight into the CSV cell. The JSON writer escapes control characters
    /// itself (\u00XX), so values need no other cleaning; decoders already cap their length.
    /// </summary>
    private ReadOnlySpan<byte> FieldsJson(Cell cell)
    {
        _json ??= new MemoryStream();
        _jsonWriter ??= new Utf8JsonWriter(_json, EventFieldsJson.Options);
        _json.SetLength(0);
        _jsonWriter.Reset(_json);
        EventFieldsJson.WriteText(_jsonWriter, cell.AsEvent);
        _jsonWriter.Flush();
        return _json.GetBuffer().AsSpan(0, (int)_json.Length);
    }

    public void Flush() => _csv.Flush();

    public void Dispose()
    {
        _jsonWriter?.Dispose();
        _csv.Dispose();
    }
}
