using System.Buffers;
using System.Text;

namespace Analyzer.Decoding.Http;

/// <summary>
/// One HTTP message kept for a decoder: a copy of its head with the header ranges, and its body (de-chunked) up to
/// <see cref="HttpStreamLimits.MaxBodyBytes"/>. Only messages a decoder reads are built; others are framed and
/// skipped. Head text is decoded on demand, byte for byte (Latin-1).
/// </summary>
public sealed class HttpMessage
{
    private readonly byte[] _head;
    private readonly Range[] _names;
    private readonly Range[] _values;
    private byte[]? _body;

    internal HttpMessage(ReadOnlySpan<byte> head, HttpHead parsed, HttpMessageKind kind)
    {
        _head = head.ToArray();
        Kind = kind;
        IsRequest = parsed.Kind == HttpStartLine.Request;
        _names = new Range[parsed.HeaderCount];
        _values = new Range[parsed.HeaderCount];
        for (int i = 0; i < parsed.HeaderCount; i++)
        {
            _names[i] = parsed.NameAt(i);
            _values[i] = parsed.ValueAt(i);
        }
        Method = IsRequest ? Text(parsed.Method) : "";
        Target = IsRequest ? Text(parsed.Target) : "";
        Version = Text(parsed.Version);
        StatusCode = parsed.StatusCode;
        Reason = IsRequest ? "" : Text(parsed.Reason);
        HeadLength = parsed.HeadLength;
        HeaderLinesSeen = parsed.HeaderLinesSeen;
        LongestHeaderLine = parsed.LongestHeaderLine;
    }

    public HttpMessageKind Kind { get; internal set; }
    public bool IsRequest { get; }
    public string Method { get; }
    /// <summary>Request target as sent (path and query, or an absolute URL).</summary>
    public string Target { get; }
    public string Version { get; }
    public int StatusCode { get; }
    public string Reason { get; }
    public int HeadLength { get; }
    public int HeaderLinesSeen { get; }
    public int LongestHeaderLine { get; }
    public int HeaderCount => _names.Length;

    /// <summary>Body bytes seen, including those beyond the cap and those lost in gaps.</summary>
    public long BodyLength { get; internal set; }
    /// <summary>The body was longer than the cap; <see cref="Body"/> holds its beginning.</summary>
    public bool BodyTruncated { get; internal set; }
    /// <summary>Body bytes lost in TCP gaps.</summary>
    public long BodyMissing { get; internal set; }
    /// <summary>The stream ended before the message did.</summary>
    public bool Incomplete { get; internal set; }
    public bool Chunked { get; internal set; }
    /// <summary>Largest chunk size announced (chunked bodies).</summary>
    public long LargestChunk { get; internal set; }
    public int BodyStored { get; private set; }
    /// <summary>Memory held for this message: the head copy and the body buffer.</summary>
    internal long HeldBytes => _head.Length + (_body?.Length ?? 0);
    public ReadOnlySpan<byte> Body => _body is null ? default : _body.AsSpan(0, BodyStored);

    /// <summary>For a DIAL request: the application path prefix of its server (/apps/ or one learned).</summary>
    internal string? DialPrefix { get; set; }

    /// <summary>For a request, its own entry in the pending queue; for a response, the request it answers.</summary>
    internal PendingRequest? Pending { get; set; }

    public string HeaderName(int index) => Text(_names[index]);
    public string HeaderValue(int index) => Text(_values[index]);
    public ReadOnlySpan<byte> HeaderValueBytes(int index) => _head.AsSpan(_values[index]);

    /// <summary>Index of the first header whose name equals <paramref name="name"/> in any case, or -1.</summary>
    public int IndexOfHeader(ReadOnlySpan<byte> name, int startAt = 0)
    {
        for (int i = startAt; i < _names.Length; i++)
            if (System.Text.Ascii.EqualsIgnoreCase(_head.AsSpan(_names[i]), name)) return i;
        return -1;
    }

    /// <summary>Value of the first header named <paramref name="name"/> (any case), or null.</summary>
    public string? Header(ReadOnlySpan<byte> name)
    {
        int i = IndexOfHeader(name);
        return i < 0 ? null : HeaderValue(i);
    }

    public bool HasHeader(ReadOnlySpan<byte> name) => IndexOfHeader(name) >= 0;

    /// <summary>Request path without query or fragment; for an absolute-form target, the path part.</summary>
    public string Path
    {
        get
        {
            var target = Target.AsSpan();
            int scheme = target.IndexOf("://");
            if (scheme >= 0)
            {
                int slash = target[(scheme + 3)..].IndexOf('/');
                target = slash < 0 ? "/" : target[(scheme + 3 + slash)..];
            }
            int end = target.IndexOfAny('?', '#');
            return (end < 0 ? target : target[..end]).ToString();
        }
    }

    /// <summary>The request target after its first '?', as sent (a fragment included); null when it has none.</summary>
    public string? Query
    {
        get
        {
            int q = Target.IndexOf('?');
            return q < 0 ? null : Target[(q + 1)..];
        }
    }

    /// <summary>The kept body as UTF-8 text, cut to <see cref="FieldText.MaxChars"/> characters.</summary>
    public string BodyText()
    {
        var body = Body;
        // Four bytes at most per character: enough bytes for the capped text, without decoding the whole body.
        if (body.Length > FieldText.MaxChars * 4) body = body[..(FieldText.MaxChars * 4)];
        return FieldText.Cap(Encoding.UTF8.GetString(body));
    }

    /// <summary>The body is counted, never kept: no decoder reads it.</summary>
    internal bool CountBodyOnly { get; init; }

    internal void AppendBody(ReadOnlySpan<byte> data, int cap)
    {
        BodyLength += data.Length;
        if (CountBodyOnly) return;
        int room = cap - BodyStored;
        if (data.Length > room)
        {
            BodyTruncated = true;
            data = data[..Math.Max(0, room)];
        }
        if (data.IsEmpty) return;
        int needed = BodyStored + data.Length;
        if (_body is null || _body.Length < needed)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(cap, Math.Max(needed, 4096)));
            if (_body is not null)
            {
                _body.AsSpan(0, BodyStored).CopyTo(bigger);
                ArrayPool<byte>.Shared.Return(_body);
            }
            _body = bigger;
        }
        data.CopyTo(_body.AsSpan(BodyStored));
        BodyStored = needed;
    }

    internal void MarkMissing(long bytes)
    {
        BodyMissing += bytes;
        BodyLength += bytes;
    }

    /// <summary>Returns the body buffer to the pool once decoders are done with it.</summary>
    internal void ReleaseBody()
    {
        if (_body is not null) ArrayPool<byte>.Shared.Return(_body);
        _body = null;
        BodyStored = 0;
    }

    // Latin-1 keeps every header byte as one character: binary junk in a header stays visible as evidence.
    private string Text(Range range) => Encoding.Latin1.GetString(_head.AsSpan(range));
}
