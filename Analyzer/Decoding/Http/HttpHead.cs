using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace Analyzer.Decoding.Http;

/// <summary>
/// Parses the head of an HTTP/1.x message (start line and header block, RFC 9112 §2–§5) from a span, the shape
/// shared by SSDP (HTTPU), SOAP, GENA and DIAL. It records ranges into the parsed buffer instead of copying, so one
/// instance is reused for every message; the ranges are valid only for the buffer given to the last
/// <see cref="Parse"/>.
/// </summary>
/// <remarks>
/// Tolerances, as real UPnP stacks need them: LF without CR ends a line; no space after the colon; spaces before the
/// colon; several spaces between start-line parts; folded (obs-fold) continuation lines, kept inside the value's
/// range. Header names are matched case-insensitively. Caps: <see cref="MaxHeadBytes"/> bytes and
/// <see cref="MaxHeaders"/> stored headers; <see cref="HeaderLinesSeen"/> still counts every line.
/// </remarks>
public sealed class HttpHead
{
    public const int MaxHeadBytes = 32 * 1024;
    public const int MaxHeaders = 96;
    public const int MaxMethodLength = 32;

    private const byte CR = (byte)'\r';
    private const byte LF = (byte)'\n';
    private const byte SP = (byte)' ';
    private const byte HT = (byte)'\t';
    private const byte Colon = (byte)':';

    private static readonly SearchValues<byte> TokenChars =
        SearchValues.Create("!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"u8);

    private readonly Range[] _names = new Range[MaxHeaders];
    private readonly Range[] _values = new Range[MaxHeaders];

    public HttpStartLine Kind { get; private set; }
    /// <summary>Request method (request) — e.g. M-SEARCH, POST, SUBSCRIBE.</summary>
    public Range Method { get; private set; }
    /// <summary>Request target (request), e.g. <c>*</c> or <c>/ctl/IPConn</c>.</summary>
    public Range Target { get; private set; }
    /// <summary>Protocol version, e.g. HTTP/1.1, in both kinds.</summary>
    public Range Version { get; private set; }
    public int StatusCode { get; private set; }
    public Range Reason { get; private set; }
    /// <summary>Bytes of the head including the empty line that ends it: where the body starts.</summary>
    public int HeadLength { get; private set; }
    /// <summary>Headers stored (at most <see cref="MaxHeaders"/>).</summary>
    public int HeaderCount { get; private set; }
    /// <summary>Header lines seen, including those beyond the cap.</summary>
    public int HeaderLinesSeen { get; private set; }
    /// <summary>Length of the longest header line seen (name, colon and value), overlong values being evidence.</summary>
    public int LongestHeaderLine { get; private set; }
    /// <summary>Anomaly id when <see cref="Parse"/> returned <see cref="ParseStatus.Invalid"/>.</summary>
    public string? AnomalyId { get; private set; }

    public Range NameAt(int index) => _names[index];
    public Range ValueAt(int index) => _values[index];

    /// <summary>
    /// Parses a message head at the start of <paramref name="data"/>. Returns <see cref="ParseStatus.Incomplete"/>
    /// when the empty line ending the head has not arrived (and the cap is not reached), <see cref="ParseStatus.Invalid"/>
    /// with <see cref="AnomalyId"/> for a start line that is not HTTP or a head over the cap.
    /// </summary>
    public ParseStatus Parse(ReadOnlySpan<byte> data)
    {
        Reset();
        int lineEnd = data.IndexOf(LF);
        if (lineEnd < 0)
        {
            if (data.Length > MaxHeadBytes) return Fail(HttpAnomalyIds.HeadTooLong);
            // A start line can be rejected before its end arrives: that keeps binary streams out quickly.
            return LooksLikeStartLinePrefix(data) ? ParseStatus.Incomplete : Fail(HttpAnomalyIds.BadStartLine);
        }
        if (!ParseStartLine(TrimCr(data[..lineEnd]))) return Fail(HttpAnomalyIds.BadStartLine);

        int pos = lineEnd + 1;
        while (true)
        {
            if (pos > MaxHeadBytes) return Fail(HttpAnomalyIds.HeadTooLong);
            var rest = data[pos..];
            int nl = rest.IndexOf(LF);
            if (nl < 0)
                return data.Length > MaxHeadBytes ? Fail(HttpAnomalyIds.HeadTooLong) : ParseStatus.Incomplete;
            var line = TrimCr(rest[..nl]);
            if (line.IsEmpty)
            {
                HeadLength = pos + nl + 1;
                return HeadLength > MaxHeadBytes ? Fail(HttpAnomalyIds.HeadTooLong) : ParseStatus.Ok;
            }
            if ((line[0] == SP || line[0] == HT) && HeaderCount > 0)
            {
                // obs-fold: the value continues on this line; keep one range that spans both.
                int idx = HeaderCount - 1;
                _values[idx] = new Range(_values[idx].Start, pos + line.Length);
                pos += nl + 1;
                continue;
            }
            HeaderLinesSeen++;
            LongestHeaderLine = Math.Max(LongestHeaderLine, line.Length);
            int colon = line.IndexOf(Colon);
            if (colon > 0 && HeaderCount < MaxHeaders)
            {
                int nameEnd = colon;
                while (nameEnd > 0 && (line[nameEnd - 1] == SP || line[nameEnd - 1] == HT)) nameEnd--;
                int valueStart = colon + 1;
                while (valueStart < line.Length && (line[valueStart] == SP || line[valueStart] == HT)) valueStart++;
                int valueEnd = line.Length;
                while (valueEnd > valueStart && (line[valueEnd - 1] == SP || line[valueEnd - 1] == HT)) valueEnd--;
                if (nameEnd > 0)
                {
                    _names[HeaderCount] = new Range(pos, pos + nameEnd);
                    _values[HeaderCount] = new Range(pos + valueStart, pos + valueEnd);
                    HeaderCount++;
                }
            }
            pos += nl + 1;
        }
    }

    /// <summary>Index of the first header named <paramref name="name"/> (ASCII, any case), or -1.</summary>
    public int IndexOf(ReadOnlySpan<byte> data, ReadOnlySpan<byte> name, int startAt = 0)
    {
        for (int i = startAt; i < HeaderCount; i++)
            if (Ascii.EqualsIgnoreCase(data[_names[i]], name)) return i;
        return -1;
    }

    /// <summary>The value of the first header named <paramref name="name"/>, or false.</summary>
    public bool TryGetValue(ReadOnlySpan<byte> data, ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value)
    {
        int i = IndexOf(data, name);
        value = i >= 0 ? data[_values[i]] : default;
        return i >= 0;
    }

    private ParseStatus Fail(string id)
    {
        AnomalyId = id;
        return ParseStatus.Invalid;
    }

    private void Reset()
    {
        Kind = default;
        Method = Target = Version = Reason = default;
        StatusCode = 0;
        HeadLength = HeaderCount = HeaderLinesSeen = LongestHeaderLine = 0;
        AnomalyId = null;
    }

    private static ReadOnlySpan<byte> TrimCr(ReadOnlySpan<byte> line) =>
        !line.IsEmpty && line[^1] == CR ? line[..^1] : line;

    private static bool LooksLikeStartLinePrefix(ReadOnlySpan<byte> data)
    {
        var probe = data.Length > MaxMethodLength ? data[..MaxMethodLength] : data;
        if (probe.StartsWith("HTTP/"u8) || "HTTP/"u8.StartsWith(probe)) return true;
        int sp = probe.IndexOf(SP);
        var method = sp < 0 ? probe : probe[..sp];
        return method.IndexOfAnyExcept(TokenChars) < 0 && (sp >= 0 || data.Length <= MaxMethodLength);
    }

    private bool ParseStartLine(ReadOnlySpan<byte> line)
    {
        if (line.StartsWith("HTTP/"u8))
        {
            // status-line = HTTP-version SP status-code SP [ reason-phrase ]
            int sp = line.IndexOf(SP);
            if (sp < 0) return false;
            int codeStart = sp;
            while (codeStart < line.Length && line[codeStart] == SP) codeStart++;
            if (line.Length - codeStart < 3) return false;
            if (!Utf8Parser.TryParse(line.Slice(codeStart, 3), out int code, out int used) || used != 3) return false;
            if (codeStart + 3 < line.Length && line[codeStart + 3] != SP) return false;
            Kind = HttpStartLine.Response;
            Version = new Range(0, sp);
            StatusCode = code;
            int reasonStart = Math.Min(line.Length, codeStart + 4);
            Reason = new Range(reasonStart, line.Length);
            return code is >= 100 and <= 999;
        }

        // request-line = method SP request-target SP HTTP-version
        int methodEnd = line.IndexOf(SP);
        if (methodEnd <= 0 || methodEnd > MaxMethodLength) return false;
        if (line[..methodEnd].IndexOfAnyExcept(TokenChars) >= 0) return false;
        int targetStart = methodEnd;
        while (targetStart < line.Length && line[targetStart] == SP) targetStart++;
        int versionStart = line.LastIndexOf(SP);
        if (versionStart < targetStart) return false;
        int targetEnd = versionStart;
        while (targetEnd > targetStart && line[targetEnd - 1] == SP) targetEnd--;
        if (targetEnd == targetStart) return false;
        var version = line[(versionStart + 1)..];
        if (!version.StartsWith("HTTP/"u8)) return false;
        Kind = HttpStartLine.Request;
        Method = new Range(0, methodEnd);
        Target = new Range(targetStart, targetEnd);
        Version = new Range(versionStart + 1, line.Length);
        return true;
    }
}
