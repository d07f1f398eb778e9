using System.Buffers;
using System.Text;

namespace Analyzer.Output;

/// <summary>
/// Writes CSV rows straight as UTF-8 into a buffer, in the dialect of <see cref="CsvOutput.Options"/> (what CsvHelper
/// writes with them, byte for byte): fields separated by commas, rows ended by "\n", no byte-order mark; a field is
/// quoted (inner quotes doubled) when it holds a comma, a quote, CR or LF, and a field that starts with a formula
/// character (= @ + - tab CR) is quoted with a ' put before it. The output files write one row per message of a dense
/// capture, and CsvHelper's general writer (a string per number, a field through its quoting options) was a tenth
/// of such a run; CsvHelper stays the reader of these files
/// (the census and report commands).
/// </summary>
public sealed class CsvFileWriter : IDisposable
{
    /// <summary>Bytes held before they go to the file (when not flushed earlier).</summary>
    public const int BufferBytes = 64 * 1024;

    private static readonly SearchValues<byte> QuotedBecause = SearchValues.Create(",\"\r\n"u8);
    private static readonly SearchValues<byte> FormulaStarts = SearchValues.Create("=@+-\t\r"u8);
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    private readonly Stream _stream;
    private readonly byte[] _buffer = new byte[BufferBytes];
    private byte[] _scratch = new byte[256];
    private int _used;
    private bool _fieldInRow;

    public CsvFileWriter(Stream stream) => _stream = stream;

    /// <summary>Opens an output file; "-" means standard output.</summary>
    public static CsvFileWriter Open(string path) =>
        new(path == "-"
            ? Console.OpenStandardOutput()
            : new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 1));

    /// <summary>One text field.</summary>
    public void WriteField(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            WriteField(ReadOnlySpan<byte>.Empty);
            return;
        }
        int most = Utf8.GetMaxByteCount(text.Length);
        if (_scratch.Length < most) _scratch = new byte[Math.Max(most, _scratch.Length * 2)];
        int length = Utf8.GetBytes(text, _scratch);
        WriteField(_scratch.AsSpan(0, length));
    }

    /// <summary>One field given as UTF-8 bytes.</summary>
    public void WriteField(ReadOnlySpan<byte> utf8)
    {
        if (_fieldInRow) Append((byte)',');
        _fieldInRow = true;
        bool formula = !utf8.IsEmpty && FormulaStarts.Contains(utf8[0]);
        if (!formula && !utf8.ContainsAny(QuotedBecause))
        {
            Append(utf8);
            return;
        }
        Append((byte)'"');
        if (formula) Append((byte)'\'');
        while (true)
        {
            int quote = utf8.IndexOf((byte)'"');
            if (quote < 0) break;
            Append(utf8[..(quote + 1)]);
            Append((byte)'"');
            utf8 = utf8[(quote + 1)..];
        }
        Append(utf8);
        Append((byte)'"');
    }

    /// <summary>A whole number, in the invariant culture.</summary>
    public void WriteField(long value)
    {
        Span<byte> digits = stackalloc byte[20];
        value.TryFormat(digits, out int length, default, System.Globalization.CultureInfo.InvariantCulture);
        WriteField(digits[..length]);
    }

    /// <summary>Every field of one row, then its end.</summary>
    public void WriteRecord(IEnumerable<string> fields)
    {
        foreach (var f in fields) WriteField(f);
        EndRecord();
    }

    public void EndRecord()
    {
        Append((byte)'\n');
        _fieldInRow = false;
    }

    /// <summary>Everything written so far goes to the file.</summary>
    public void Flush()
    {
        Drain();
        _stream.Flush();
    }

    public void Dispose()
    {
        try
        {
            Flush();
        }
        finally
        {
            _stream.Dispose();
        }
    }

    private void Append(byte b)
    {
        if (_used == _buffer.Length) Drain();
        _buffer[_used++] = b;
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > _buffer.Length - _used)
        {
            Drain();
            if (bytes.Length > _buffer.Length)
            {
                _stream.Write(bytes);
                return;
            }
        }
        bytes.CopyTo(_buffer.AsSpan(_used));
        _used += bytes.Length;
    }

    private void Drain()
    {
        if (_used == 0) return;
        _stream.Write(_buffer, 0, _used);
        _used = 0;
    }
}
