namespace Analyzer.Pipeline;

/// <summary>Which <see cref="IJudging"/> call a queued <see cref="JudgingCall"/> stands for.</summary>
internal enum JudgingCallKind : byte
{
    BeginCapture,
    Event,
    Anomaly,
    FlowEnd,
    Advance,
    EndCapture,
    Finish,
    Flush,
}
