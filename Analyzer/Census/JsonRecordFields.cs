using System.Text.Json;
using Analyzer.Output;

namespace Analyzer.Census;

/// <summary>
/// One JSON record of the output layer (a JSON-lines line, or a record a sensor published) read by CSV column name:
/// the envelope keys at the top and the nested object named by <c>event_type</c> are one set of cells, found through
/// the record layout's column names, so the census reads both forms with the same row mappers.
/// </summary>
public sealed class JsonRecordFields : IRecordFields
{
    private readonly Dictionary<string, string> _text = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<string>> _lists = new(StringComparer.Ordinal);
    private readonly IReadOnlyDictionary<string, string> _jsonNames;

    private JsonRecordFields(IReadOnlyDictionary<string, string> jsonNames) => _jsonNames = jsonNames;

    /// <summary>The record's <c>event_type</c> and its cells; null when it is not one JSON object with an event type.</summary>
    public static (string EventType, JsonRecordFields Fields)? Parse(ReadOnlySpan<byte> json, Func<string, IReadOnlyDictionary<string, string>?> namesOf)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            using var doc = JsonDocument.ParseValue(ref reader);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty(EveEnvelope.EventType, out var type) || type.ValueKind != JsonValueKind.String)
                return null;
            var eventType = type.GetString()!;
            if (namesOf(eventType) is not { } names) return null;
            var fields = new JsonRecordFields(names);
            foreach (var p in root.EnumerateObject())
            {
                if (p.Name == eventType && p.Value.ValueKind == JsonValueKind.Object)
                    foreach (var inner in p.Value.EnumerateObject()) fields.Keep(inner);
                else fields.Keep(p);
            }
            return (eventType, fields);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private void Keep(JsonProperty p)
    {
        switch (p.Value.ValueKind)
        {
            case JsonValueKind.String: _text[p.Name] = p.Value.GetString()!; break;
            case JsonValueKind.Number: _text[p.Name] = p.Value.GetRawText(); break;
            case JsonValueKind.True: _text[p.Name] = "true"; break;
            case JsonValueKind.False: _text[p.Name] = "false"; break;
            case JsonValueKind.Array:
                _lists[p.Name] = [.. p.Value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)];
                break;
        }
    }

    private string JsonName(string column) => _jsonNames.TryGetValue(column, out var name) ? name : column;

    public string this[string column] => _text.TryGetValue(JsonName(column), out var v) ? v : "";

    public IReadOnlyList<string> List(string column) => _lists.TryGetValue(JsonName(column), out var v) ? v : [];

    public long Time(string column)
    {
        if (Timestamp.TryParse(this[column], out long us)) return us;
        throw new CensusInputException($"record '{column}' is not a time");
    }
}
