using System.Text.Encodings.Web;
using System.Text.Json;
using Analyzer.Events;

namespace Analyzer.Output;

/// <summary>Writes a decoded message's fields as one JSON object: as text for a CSV cell, typed for a JSON line.</summary>
public static class EventFieldsJson
{
    /// <summary>
    /// JSON that lands in a file, not in HTML: &lt;, &gt;, &amp; and non-ASCII stay readable. Control characters
    /// are still escaped (\u00XX), so a value never breaks a line.
    /// </summary>
    public static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Every value as a JSON string, the form of the CSV event log's <c>fields</c> cell.</summary>
    public static void WriteText(Utf8JsonWriter json, AnalyzerEvent e)
    {
        json.WriteStartObject();
        foreach (var (name, value) in e.Fields())
            json.WriteString(name, value);
        json.WriteEndObject();
    }

    /// <summary>Numbers as numbers and flags as booleans (<see cref="EventFieldTypes"/>).</summary>
    public static void WriteTyped(Utf8JsonWriter json, JsonEncodedText propertyName, AnalyzerEvent e)
    {
        json.WriteStartObject(propertyName);
        foreach (var (name, value) in e.Fields())
            EventFieldTypes.Write(json, name, value);
        json.WriteEndObject();
    }
}
