using Analyzer.Reassembly;

namespace Analyzer.Decoding.Http;

/// <summary>
/// Bounds of <see cref="HttpStreamAnalyzer"/>. The head of a message is bounded by <see cref="HttpHead.MaxHeadBytes"/>
/// and <see cref="HttpHead.MaxHeaders"/>; bodies beyond <see cref="MaxBodyBytes"/> are counted, not kept.
/// </summary>
public sealed record HttpStreamLimits
{
    public const int DefaultMaxBodyBytes = 128 * 1024;
    public const int DefaultMaxPendingRequests = 32;
    public const int DefaultResyncBudgetBytes = 64 * 1024;
    public const int DefaultPickupCheckBytes = 512;
    /// <summary>A chunk-size line (size, extensions, CRLF) longer than this is malformed.</summary>
    public const int MaxChunkLineBytes = 1024;

    public TcpReassemblyLimits Reassembly { get; init; } = new();

    /// <summary>Body bytes kept for decoding per message; the real length is still counted.</summary>
    public int MaxBodyBytes { get; init; } = DefaultMaxBodyBytes;

    /// <summary>Requests per direction waiting for their response (pipelining); the oldest is dropped beyond it.</summary>
    public int MaxPendingRequests { get; init; } = DefaultMaxPendingRequests;

    /// <summary>
    /// Bytes searched for the next message start after a gap or a pickup in the middle of a stream; when none is
    /// found the stream is ignored.
    /// </summary>
    public int ResyncBudgetBytes { get; init; } = DefaultResyncBudgetBytes;

    /// <summary>
    /// The first bytes of a direction picked up in the middle that are checked for control bytes before its first
    /// message start: binary ones set the direction aside (<see cref="HttpMessageReader"/>); 0 checks none.
    /// </summary>
    public int PickupCheckBytes { get; init; } = DefaultPickupCheckBytes;
}
