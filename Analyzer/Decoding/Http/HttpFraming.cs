using System.Text;

namespace Analyzer.Decoding.Http;

/// <summary>
/// How a message's body is delimited, from its Transfer-Encoding and Content-Length headers (RFC 9112 §6.1–§6.3):
/// chunked wins over a length; several Content-Length values must agree.
/// </summary>
internal readonly ref struct HttpFraming
{
    /// <summary>-1 when no Content-Length was given.</summary>
    public long ContentLength { get; init; }
    public bool Chunked { get; init; }
    public bool BadContentLength { get; init; }
    public ReadOnlySpan<byte> BadValue { get; init; }

    public static HttpFraming Read(ReadOnlySpan<byte> head, HttpHead parsed)
    {
        long length = -1;
        bool chunked = false, bad = false;
        ReadOnlySpan<byte> badValue = default;
        for (int i = 0; i < parsed.HeaderCount; i++)
        {
            var name = head[parsed.NameAt(i)];
            var value = head[parsed.ValueAt(i)];
            if (Ascii.EqualsIgnoreCase(name, "Transfer-Encoding"u8))
            {
                chunked |= ContainsChunked(value);
            }
            else if (Ascii.EqualsIgnoreCase(name, "Content-Length"u8))
            {
                if (!TryParseLength(value, out long parsedLength) || (length >= 0 && parsedLength != length))
                {
                    bad = true;
                    badValue = value;
                }
                else length = parsedLength;
            }
        }
        if (chunked) return new HttpFraming { ContentLength = -1, Chunked = true };
        return new HttpFraming { ContentLength = bad ? -1 : length, BadContentLength = bad, BadValue = badValue };
    }

    private static bool ContainsChunked(ReadOnlySpan<byte> value)
    {
        for (int i = 0; i + 7 <= value.Length; i++)
            if (Ascii.EqualsIgnoreCase(value.Slice(i, 7), "chunked"u8)) return true;
        return false;
    }

    /// <summary>Digits, or a list of equal digit strings ("12, 12"), as some intermediaries send.</summary>
    private static bool TryParseLength(ReadOnlySpan<byte> value, out long length)
    {
        length = -1;
        while (!value.IsEmpty)
        {
            int comma = value.IndexOf((byte)',');
            var item = (comma < 0 ? value : value[..comma]).Trim(" \t"u8);
            value = comma < 0 ? default : value[(comma + 1)..];
            if (item.IsEmpty || item.Length > 18 || item.IndexOfAnyExceptInRange((byte)'0', (byte)'9') >= 0) return false;
            long n = 0;
            foreach (byte b in item) n = n * 10 + (b - '0');
            if (length >= 0 && n != length) return false;
            length = n;
        }
        return length >= 0;
    }
}
