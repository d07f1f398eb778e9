namespace Analyzer.Capture;

/// <summary>
/// How reading one capture ended: packets delivered and, when it stopped early or was damaged, why (one line).
/// <see cref="Warnings"/> are oddities that did not stop the analysis (time going backwards).
/// </summary>
public sealed record CaptureResult(string Source, long Packets, long Bytes, string? Error)
{
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public bool Succeeded => Error is null;
}
