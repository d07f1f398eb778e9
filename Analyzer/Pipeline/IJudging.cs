using Analyzer.Events;
using Analyzer.Flows;

namespace Analyzer.Pipeline;

/// <summary>
/// The calls the decoding side of the pipeline makes to its judging side (<see cref="JudgingStage"/>), in the order
/// it makes them: the judging side sees exactly this sequence whether it runs on the same thread
/// (<see cref="JudgingOnCaller"/>) or on its own (<see cref="JudgingThread"/>).
/// </summary>
/// <remarks>
/// A failure of the judging side inside a guarded scope of the decoding side (<see cref="EnterScope"/>) costs the rest
/// of that scope's judging and becomes a <c>decode.exception</c> anomaly of the scope's packet, as the decoding side's
/// catch makes it. Any other failure is fatal: nothing more is judged, what was judged is written, and the decoding
/// side throws it (on one thread at once, otherwise at its next call: <see cref="ThrowIfFailed"/>, <see cref="Complete"/>).
/// </remarks>
internal interface IJudging
{
    /// <summary>
    /// The calls that follow, until <see cref="ExitScope"/>, are made where the decoding side catches a failure and
    /// turns it into a <c>decode.exception</c> anomaly of the packet at <paramref name="timestampUs"/>, frame
    /// <paramref name="frame"/> (0 outside a frame).
    /// </summary>
    void EnterScope(long timestampUs, long frame);

    void ExitScope();

    /// <summary>Throws the judging side's fatal failure, if it failed.</summary>
    void ThrowIfFailed();

    /// <summary>Waits until everything is judged, then throws the judging side's fatal failure, if it failed.</summary>
    void Complete();

    void BeginCapture(string name);

    void OnEvent(AnalyzerEvent e);

    void OnAnomaly(DecodeAnomaly a);

    /// <summary>The record is valid during the call only (the flow table reuses it).</summary>
    void OnFlowEnd(FlowRecord flow);

    /// <summary>The capture clock reached <paramref name="nowUs"/>: rule windows and observers expire.</summary>
    void Advance(long nowUs);

    /// <summary>The capture's streams and flows are finished: observers close it and the logs are flushed.</summary>
    void EndCapture();

    /// <summary>End of all input: rule windows close, the ledger finishes and the inventory is written.</summary>
    void Finish(long nowUs);

    void Flush();
}
