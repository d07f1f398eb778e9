namespace Analyzer.Pipeline;

/// <summary>
/// One call of the decoding side to the judging side, queued in a <see cref="JudgingBatch"/>: its kind, its argument
/// (the event, the anomaly, the copy of the flow, or the capture's name) or its time, and the guarded scope it was
/// made in (<see cref="JudgingThread.EnterScope"/>; 0 outside any), with that scope's packet time and frame number
/// for the anomaly a failure in it becomes.
/// </summary>
internal struct JudgingCall
{
    public JudgingCallKind Kind;
    public object? Argument;
    public long NowUs;
    public long Scope;
    public long ScopeTimestampUs;
    public long ScopeFrame;
}
