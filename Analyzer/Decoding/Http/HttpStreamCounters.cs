namespace Analyzer.Decoding.Http;

/// <summary>What the HTTP layer saw and what its caps dropped.</summary>
public sealed class HttpStreamCounters
{
    /// <summary>Connections whose first bytes looked like HTTP.</summary>
    public long HttpStreams { get; internal set; }
    /// <summary>Connections given up as not HTTP (at the first bytes or after failing to resynchronize).</summary>
    public long IgnoredStreams { get; internal set; }
    public long Requests { get; internal set; }
    public long Responses { get; internal set; }
    /// <summary>Messages kept for a decoder (the others were framed and skipped).</summary>
    public long KeptMessages { get; internal set; }
    public long UnpairedResponses { get; internal set; }
    /// <summary>Requests dropped from a full pipelining queue (<see cref="HttpStreamLimits.MaxPendingRequests"/>).</summary>
    public long PendingRequestsDropped { get; internal set; }
}
