namespace Analyzer.Pipeline;

/// <summary>
/// Where the stages of one capture run, given the threads it may use. With one, reading, decoding and judging share
/// it. With two or more, the capture is read on a thread of its own (<see cref="Capture.ReadAhead"/>), decoded on the
/// calling thread and judged on a third (<see cref="JudgingThread"/>): on two cores the three threads share them.
/// </summary>
/// <remarks>
/// Measured on 2 cores (per-thread CPU seconds, which the machine's load inflates alike; bench/README.md): on dense
/// UPnP traffic decoding takes 1.3-1.5 s and judging 2.2-2.8 s, so reading ahead alone leaves 3.4-3.6 s on one
/// thread; on mixed traffic reading takes 1.4-1.6 s, decoding 4.9 s and judging 1.2-1.4 s, so judging on its own
/// thread alone leaves reading and decoding together. Only the three threads shorten the longest thread on both.
/// </remarks>
internal readonly record struct StagePlacement(bool ReadOnOwnThread, bool JudgeOnOwnThread)
{
    /// <summary>The placement for a capture that may use <paramref name="threads"/> threads.</summary>
    public static StagePlacement For(int threads) => threads <= 1 ? new(false, false) : new(true, true);
}
