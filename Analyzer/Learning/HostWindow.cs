using Analyzer.Decoding;

namespace Analyzer.Learning;

/// <summary>
/// One host's closed time window: when, what it was mostly about, and its features (raw values and the model's
/// vector, both in <see cref="HostWindowFeatures"/> order).
/// </summary>
public sealed record HostWindow
{
    public required NetAddress Host { get; init; }
    /// <summary>Window start and end in µs since the epoch; windows are aligned to multiples of their length.</summary>
    public required long StartUs { get; init; }
    public required long EndUs { get; init; }
    /// <summary>Capture time and frame number of the first event of the window.</summary>
    public required long FirstEventUs { get; init; }
    public required long FirstFrame { get; init; }
    /// <summary>The protocol with the most events in the window.</summary>
    public required string Protocol { get; init; }
    /// <summary>Name of the capture (file) the window belongs to.</summary>
    public required string Capture { get; init; }
    public required double[] Raw { get; init; }
    public required float[] Features { get; init; }
}
