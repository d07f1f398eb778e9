using System.Text.Json;

namespace Analyzer.Output;

/// <summary>
/// Writes one row of a record layout as one EVE-style JSON object: the envelope keys at the top, the record's other
/// columns in a nested object named by its event type. The JSON-lines files and the records a sensor publishes are
/// both made here, so the two are the same bytes.
/// </summary>
public sealed class JsonRecordEncoder<T>
{
    /// <summary>Characters kept of text a device or attacker chose (the CSV cap, <see cref="CsvText.MaxCellChars"/>).</summary>
    public const int MaxTextChars = CsvText.MaxCellChars;

    private static readonly JsonEncodedText EventTypeKey = JsonEncodedText.Encode(EveEnvelope.EventType);

    private readonly Column<T>[] _envelope;
    private readonly Column<T>[] _nested;
    private readonly int _eventTypeAfter;
    private readonly JsonEncodedText _eventType;

    public JsonRecordEncoder(RecordLayout<T> layout)
    {
        _envelope = layout.EnvelopeColumns;
        _nested = layout.NestedColumns;
        _eventType = JsonEncodedText.Encode(layout.EventType);
        _eventTypeAfter = _envelope.Count(c => c.Envelope == EveEnvelope.Timestamp);
    }

    public void Write(Utf8JsonWriter json, T row)
    {
        json.WriteStartObject();
        for (int i = 0; i < _envelope.Length; i++)
        {
            if (i == _eventTypeAfter) json.WriteString(EventTypeKey, _eventType);
            WriteCell(json, _envelope[i].JsonName, _envelope[i].Value(row));
        }
        if (_eventTypeAfter == _envelope.Length) json.WriteString(EventTypeKey, _eventType);
        json.WriteStartObject(_eventType);
        foreach (var column in _nested)
            WriteCell(json, column.JsonName, column.Value(row));
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteCell(Utf8JsonWriter json, JsonEncodedText name, Cell cell)
    {
        switch (cell.Kind)
        {
            case CellKind.Empty: break;
            case CellKind.Text: json.WriteString(name, cell.AsText); break;
            case CellKind.UntrustedText: json.WriteString(name, Cap(cell.AsText)); break;
            case CellKind.Integer: json.WriteNumber(name, cell.AsInteger); break;
            case CellKind.Real:
                if (double.IsFinite(cell.AsReal)) json.WriteNumber(name, Math.Round(cell.AsReal, 4));
                break;
            case CellKind.Boolean: json.WriteBoolean(name, cell.AsBoolean); break;
            case CellKind.Time: json.WriteString(name, Timestamp.Format(cell.AsInteger)); break;
            case CellKind.List:
                json.WriteStartArray(name);
                foreach (var value in cell.AsList) json.WriteStringValue(Cap(value));
                json.WriteEndArray();
                break;
            case CellKind.EventFields: EventFieldsJson.WriteTyped(json, name, cell.AsEvent); break;
        }
    }

    private static ReadOnlySpan<char> Cap(string value) => value.Length <= MaxTextChars ? value : value.AsSpan(0, MaxTextChars);
}
