using Analyzer.Flows;

namespace Analyzer.Pipeline;

/// <summary>
/// Calls of the decoding side queued for the judging thread (<see cref="JudgingThread"/>), in order. Reused: the
/// decoding thread fills it, the judging thread replays it and hands it back. A finished flow is handed over as a
/// copy into a record the batch keeps for its next use, so the steady state allocates no flow records.
/// </summary>
internal sealed class JudgingBatch
{
    /// <summary>Calls per batch: enough that handing a batch over costs little per call, few enough that little is in flight.</summary>
    public const int MaxCalls = 128;

    private readonly JudgingCall[] _calls = new JudgingCall[MaxCalls];
    // At most one record per call, so at most MaxCalls records per batch.
    private readonly List<FlowRecord> _flowCopies = [];
    private int _flowCopiesUsed;

    public int Count { get; private set; }

    public bool IsFull => Count == MaxCalls;

    public ReadOnlySpan<JudgingCall> Calls => _calls.AsSpan(0, Count);

    public void Add(JudgingCallKind kind, object? argument, long nowUs, long scope, long scopeTimestampUs, long scopeFrame)
    {
        ref var call = ref _calls[Count++];
        call.Kind = kind;
        call.Argument = argument;
        call.NowUs = nowUs;
        call.Scope = scope;
        call.ScopeTimestampUs = scopeTimestampUs;
        call.ScopeFrame = scopeFrame;
    }

    /// <summary>A copy of <paramref name="flow"/> that stays as it is until the batch is reused.</summary>
    public FlowRecord Keep(FlowRecord flow)
    {
        if (_flowCopiesUsed == _flowCopies.Count) _flowCopies.Add(new FlowRecord());
        var copy = _flowCopies[_flowCopiesUsed++];
        FlowRecordCopy.Into(flow, copy);
        return copy;
    }

    /// <summary>Empties the batch; the events it held may be collected, its flow records are kept for reuse.</summary>
    public void Clear()
    {
        Array.Clear(_calls, 0, Count);
        Count = 0;
        _flowCopiesUsed = 0;
    }
}
