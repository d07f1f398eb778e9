namespace Analyzer.Decoding.Http;

/// <summary>
/// Decides from the first bytes whether a message starts here: a request line with a method HTTP or UPnP uses, or
/// a status line. It is how a stream is recognized as HTTP on any port, and how a stream resynchronizes after a gap.
/// </summary>
internal static class HttpStartProbe
{
    public enum Result : byte { No, NeedMore, Yes }

    private static readonly byte[][] Starts =
    [
        "GET "u8.ToArray(), "POST "u8.ToArray(), "HEAD "u8.ToArray(), "PUT "u8.ToArray(), "DELETE "u8.ToArray(),
        "OPTIONS "u8.ToArray(), "PATCH "u8.ToArray(), "TRACE "u8.ToArray(), "CONNECT "u8.ToArray(),
        "M-POST "u8.ToArray(), "SUBSCRIBE "u8.ToArray(), "UNSUBSCRIBE "u8.ToArray(), "NOTIFY "u8.ToArray(),
        "M-SEARCH "u8.ToArray(), "HTTP/1."u8.ToArray(),
    ];

    public static Result Probe(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty) return Result.NeedMore;
        var result = Result.No;
        foreach (var start in Starts)
        {
            if (data.Length >= start.Length)
            {
                if (data.StartsWith(start)) return Result.Yes;
            }
            else if (start.AsSpan().StartsWith(data))
            {
                result = Result.NeedMore;
            }
        }
        return result;
    }
}
