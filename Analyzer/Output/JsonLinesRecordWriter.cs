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
    public const int MaxTextChars = JsonRecordEncoder<T>.MaxTextChars;

    private readonly Stream _out;
    private readonly ArrayBufferWriter<byte> _buffer = new(16 * 1024);
    private readonly Utf8JsonWriter _json;
    private readonly JsonRecordEncoder<T> _encoder;
    private readonly bool _flushEachRow;

    public JsonLinesRecordWriter(string path, RecordLayout<T> layout, bool flushEachRow)
    {
        _out = path == "-" ? Console.OpenStandardOutput() : new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read);
        _json = new Utf8JsonWriter(_buffer, EventFieldsJson.Options);
        _encoder = new JsonRecordEncoder<T>(layout);
        _flushEachRow = flushEachRow;
    }

    public void Write(T row)
    {
        _encoder.Write(_json, row);
        _json.Flush();
        _json.Reset();
        _buffer.Write("\n"u8);
        if (_flushEachRow) Flush();
        else if (_buffer.WrittenCount >= MaxBufferedBytes) Drain();
    }

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
