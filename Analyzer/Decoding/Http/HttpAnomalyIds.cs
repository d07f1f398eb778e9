namespace Analyzer.Decoding.Http;

/// <summary>Stable ids of HTTP-level anomalies (reported to <see cref="Events.IEventSink.OnAnomaly"/>, not as events).</summary>
public static class HttpAnomalyIds
{
    /// <summary>A message head longer than <see cref="HttpHead.MaxHeadBytes"/>.</summary>
    public const string HeadTooLong = "http.head_too_long";
    /// <summary>A start line that is not HTTP where a message should begin.</summary>
    public const string BadStartLine = "http.bad_start_line";
    /// <summary>A kept body longer than <see cref="HttpStreamLimits.MaxBodyBytes"/>; the rest was counted, not kept.</summary>
    public const string BodyTooLong = "http.body_too_long";
    /// <summary>A chunk-size line that is not hexadecimal, too long, or chunk data not followed by CRLF.</summary>
    public const string BadChunk = "http.bad_chunk";
    /// <summary>A chunk size of 2^31 or more (a negative int for clients that parse it so).</summary>
    public const string ChunkTooLarge = "http.chunk_too_large";
    /// <summary>A Content-Length that is not a number, or several that disagree.</summary>
    public const string BadContentLength = "http.bad_content_length";
    /// <summary>The stream ended in the middle of a message.</summary>
    public const string Truncated = "http.truncated";
    /// <summary>No message start found after a gap within the resynchronization budget; the stream is ignored.</summary>
    public const string LostSync = "http.lost_sync";
}
