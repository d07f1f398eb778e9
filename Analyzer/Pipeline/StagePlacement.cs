namespace Analyzer.Pipeline;

/// <summary>
/// Where the stages of one capture run, given the threads it may use. With one, reading, decoding and judging share
/// it. With two or more, the capture is read on a thread of its own (<see cref="Capture.ReadAhead"/>), decoded on the
/// calling thread and judged on a third (<see cref="JudgingThread"/>): on two cores the three threads share them.
/// </summary>
/// <remarks>
/// Measured on 2 loaded cores (CPU seconds of the busiest thread, medians; bench/README.md "One capture on several
/// cores"): on dense UPnP traffic reading ahead alone leaves 3.3-3.5 s on the analysis thread, while with three
/// threads decoding takes 1.2-1.5 s and judging 2.1-2.3 s; on mixed traffic reading ahead alone leaves 4.7-5.5 s,
/// judging on its own thread alone would leave reading and decoding together (about 6.4 s), and with three threads
/// reading takes 1.3-1.4 s, decoding 4.0-4.1 s and judging 1.0 s. Only the three threads shorten the longest thread
/// on both; they cost 0.1-0.4 s more CPU in all.
/// </remarks>
internal readonly record struct StagePlacement(bool ReadOnOwnThread, bool JudgeOnOwnThread)
{
    /// <summary>The placement for a capture that may use <paramref name="threads"/> threads.</summary>
    public static StagePlacement For(int threads) => threads <= 1 ? new(false, false) : new(true, true);
}
