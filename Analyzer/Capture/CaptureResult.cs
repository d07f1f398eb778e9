namespace Analyzer.Capture;

/// <summary>How reading one capture ended: packets delivered and, when it stopped early, why (one line).</summary>
public sealed record CaptureResult(string Source, long Packets, long Bytes, string? Error)
{
    public bool Succeeded => Error is null;
}
