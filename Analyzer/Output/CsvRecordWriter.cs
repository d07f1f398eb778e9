using System.Buffers;
using System.Globalization;
using CsvHelper;

namespace Analyzer.Output;

/// <summary>
/// Writes rows as CSV in the columns of a <see cref="RecordLayout{T}"/>, header first even when no row follows.
/// With <paramref name="flushEachRow"/> every row reaches the file as it is written (alerts, mappings: a
/// <c>tail -f</c> sees them at once and nothing is lost if the process is stopped). Numbers, times and the event
/// fields reach CsvHelper as spans formatted in place, not as strings: the event log writes one row per decoded
/// message.
/// </summary>
public sealed class CsvRecordWriter<T> : IRecordWriter<T>
{
    private readonly CsvWriter _csv;
    private readonly Column<T>[] _columns;
    private readonly bool _flushEachRow;
    private ArrayBufferWriter<byte>? _json;

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
        switch (cell.Kind)
        {
            case CellKind.Empty: _csv.WriteField(""); break;
            case CellKind.Text: _csv.WriteField(cell.AsText); break;
            case CellKind.UntrustedText: _csv.WriteField(CsvText.Clean(cell.AsText)); break;
            case CellKind.Integer: WriteInteger(cell.AsInteger); break;
            case CellKind.Real: WriteReal(cell.AsReal); break;
            case CellKind.Boolean: _csv.WriteField(cell.AsBoolean ? "1" : "0"); break;
            case CellKind.Time: WriteTime(cell.AsInteger); break;
            case CellKind.List: _csv.WriteField(CsvText.Clean(string.Join(CsvOutput.ListSeparator, cell.AsList))); break;
            case CellKind.EventFields: _csv.WriteField(FieldsJson(cell)); break;
        }
    }

    private void WriteInteger(long value)
    {
        Span<char> text = stackalloc char[24];
        value.TryFormat(text, out int length, default, CultureInfo.InvariantCulture);
        _csv.WriteField(text[..length]);
    }

    private void WriteReal(double value)
    {
        Span<char> text = stackalloc char[64];
        if (value.TryFormat(text, out int length, "0.####", CultureInfo.InvariantCulture))
            _csv.WriteField(text[..length]);
        else
            _csv.WriteField(value.ToString("0.####", CultureInfo.InvariantCulture));
    }

    private void WriteTime(long unixMicros)
    {
        Span<byte> text = stackalloc byte[Timestamp.MaxUtf8Bytes];
        _csv.WriteField((ReadOnlySpan<byte>)text[..Timestamp.FormatUtf8(unixMicros, text)]);
    }

    /// <summary>
    /// The fields as UTF-8 JSON, written straight into the CSV cell. Control characters are escaped (\u00XX), so
    /// values need no other cleaning; decoders already cap their length.
    /// </summary>
    private ReadOnlySpan<byte> FieldsJson(Cell cell)
    {
        _json ??= new ArrayBufferWriter<byte>(4096);
        _json.ResetWrittenCount();
        EventFieldsJson.WriteText(_json, cell.AsEvent);
        return _json.WrittenSpan;
    }

    public void Flush() => _csv.Flush();

    public void Dispose() => _csv.Dispose();
}
