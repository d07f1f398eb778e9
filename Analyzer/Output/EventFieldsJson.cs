using System.Buffers;
using System.Text;
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

    /// <summary>
    /// Every value as a JSON string, the form of the CSV event log's <c>fields</c> cell: the bytes a
    /// <see cref="Utf8JsonWriter"/> with <see cref="Options"/> writes (EventFieldsJsonTests compare the two), without
    /// its general path: the event log writes this object for every decoded message, and nearly every name and value is
    /// printable ASCII without a quote or backslash, which goes out as it is; any other string is escaped by
    /// the same encoder (<see cref="Options"/>) the JSON writer uses.
    /// </summary>
    public static void WriteText(IBufferWriter<byte> into, AnalyzerEvent e)
    {
        Put(into, (byte)'{');
        bool first = true;
        foreach (var (name, value) in e.Fields())
        {
            if (!first) Put(into, (byte)',');
            first = false;
            PutString(into, name);
            Put(into, (byte)':');
            if (value is null) into.Write("null"u8);
            else PutString(into, value);
        }
        Put(into, (byte)'}');
    }

    private static void Put(IBufferWriter<byte> into, byte b)
    {
        into.GetSpan(1)[0] = b;
        into.Advance(1);
    }

    private static void PutString(IBufferWriter<byte> into, string text)
    {
        var chars = text.AsSpan();
        if (chars.IndexOfAnyExceptInRange(' ', '~') >= 0 || chars.ContainsAny('"', '\\'))
        {
            Put(into, (byte)'"');
            into.Write(JsonEncodedText.Encode(text, Options.Encoder).EncodedUtf8Bytes);
            Put(into, (byte)'"');
            return;
        }
        var span = into.GetSpan(chars.Length + 2);
        span[0] = (byte)'"';
        Ascii.FromUtf16(chars, span[1..], out int written);
        span[written + 1] = (byte)'"';
        into.Advance(written + 2);
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
