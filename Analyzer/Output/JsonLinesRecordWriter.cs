using System.Buffers;
using System.Text.Json;

namespace Analyzer.Output;

/// <summary>
/// Writes rows as JSON lines in the style of Suricata's EVE: one object per line, UTF-8, the envelope keys
/// (<c>timestamp</c>, <c>event_type</c>, endpoints, protocols) at the top and the record's other columns in a
/// nested object named by its event type. Values keep their type (numbers, booleans, arrays); empty cells are left
/// out. Lines are gathered in a buffer and reach the file on <see cref="Flush"/> (or each row with
/// <paramref name="flushEachRow"/>), so <c>tail -f | jq</c> sees whole lines only.
/// </summary>
public sealed class JsonLinesRecordWriter<T> : IRecordWriter<T>
{
    /// <summary>Buffered bytes beyond which lines are written out even before a flush.</summary>
    public const int MaxBufferedBytes = 64 * 1024;

    /// <summary>Characters kept of text a device or attacker chose (the CSV cap, <see cref="CsvText.MaxCellChars"/>).</summary>
    public const int MaxTextChars = CsvText.MaxCellChars;

    private static readonly JsonEncodedText EventTypeKey = JsonEncodedText.Encode(EveEnvelope.EventType);

    private readonly Stream _out;
    private readonly ArrayBufferWriter<byte> _buffer = new(16 * 1024);
    private readonly Utf8JsonWriter _json;
    private readonly Column<T>[] _envelope;
    private readonly Column<T>[] _nested;
    private readonly int _eventTypeAfter;
    private readonly JsonEncodedText _eventType;
    private readonly bool _flushEachRow;

    public JsonLinesRecordWriter(string path, RecordLayout<T> layout, bool flushEachRow)
    {
        _out = path == "-" ? Console.OpenStandardOutput() : new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read);
        _json = new Utf8JsonWriter(_buffer, EventFieldsJson.Options);
        _envelope = layout.EnvelopeColumns;
        _nested = layout.NestedColumns;
        _eventType = JsonEncodedText.Encode(layout.EventType);
        _eventTypeAfter = _envelope.Count(c => c.Envelope == EveEnvelope.Timestamp);
        _flushEachRow = flushEachRow;
    }

    public void Write(T row)
    {
        _json.WriteStartObject();
        for (int i = 0; i < _envelope.Length; i++)
        {
            if (i == _eventTypeAfter) _json.WriteString(EventTypeKey, _eventType);
            WriteCell(_envelope[i].JsonName, _envelope[i].Value(row));
        }
        if (_eventTypeAfter == _envelope.Length) _json.WriteString(EventTypeKey, _eventType);
        _json.WriteStartObject(_eventType);
        foreach (var column in _nested)
            WriteCell(column.JsonName, column.Value(row));
        _json.WriteEndObject();
        _json.WriteEndObject();
        _json.Flush();
        _json.Reset();
        _buffer.Write("\n"u8);
        if (_flushEachRow) Flush();
        else if (_buffer.WrittenCount >= MaxBufferedBytes) Drain();
    }

    private void WriteCell(JsonEncodedText name, Cell cell)
    {
        switch (cell.Kind)
        {
            case CellKind.Empty: break;
            case CellKind.Text: _json.WriteString(name, cell.AsText); break;
            case CellKind.UntrustedText: _json.WriteString(name, Cap(cell.AsText)); break;
            case CellKind.Integer: _json.WriteNumber(name, cell.AsInteger); break;
            case CellKind.Real:
                if (double.IsFinite(cell.AsReal)) _json.WriteNumber(name, Math.Round(cell.AsReal, 4));
                break;
            case CellKind.Boolean: _json.WriteBoolean(name, cell.AsBoolean); break;
            case CellKind.Time: _json.WriteString(name, Timestamp.Format(cell.AsInteger)); break;
            case CellKind.List:
                _json.WriteStartArray(name);
                foreach (var value in cell.AsList) _json.WriteStringValue(Cap(value));
                _json.WriteEndArray();
                break;
            case CellKind.EventFields: EventFieldsJson.WriteTyped(_json, name, cell.AsEvent); break;
        }
    }

    private static ReadOnlySpan<char> Cap(string value) => value.Length <= MaxTextChars ? value : value.AsSpan(0, MaxTextChars);

    private void Drain()
    {
        _out.Write(_buffer.WrittenSpan);
        _buffer.ResetWrittenCount();
    }

    public void Flush()
    {
        Drain();
        _out.Flush();
    }

    public void Dispose()
    {
        Flush();
        _json.Dispose();
        _out.Dispose();
    }
}
