using System.Runtime.ExceptionServices;
using Analyzer.Events;
using Analyzer.Flows;

namespace Analyzer.Pipeline;

/// <summary>
/// The judging side called directly on the decoding thread. A failure inside a guarded scope goes to the decoding
/// side's catch, as any failure there does; a failure outside one is fatal (<see cref="IJudging"/>): it is thrown at
/// once and nothing more is judged, so a run stopped by it writes what <see cref="JudgingThread"/> writes.
/// </summary>
internal sealed class JudgingOnCaller(JudgingStage stage) : IJudging
{
    private ExceptionDispatchInfo? _failure;
    private bool _inScope;

    public void EnterScope(long timestampUs, long frame) => _inScope = true;

    public void ExitScope() => _inScope = false;

    public void ThrowIfFailed() => _failure?.Throw();

    public void Complete() => ThrowIfFailed();

    public void BeginCapture(string name) => Judge(name, static (s, n) => s.BeginCapture(n));

    public void OnEvent(AnalyzerEvent e) => Judge(e, static (s, e) => s.OnEvent(e));

    public void OnAnomaly(DecodeAnomaly a) => Judge(a, static (s, a) => s.OnAnomaly(a));

    public void OnFlowEnd(FlowRecord flow) => Judge(flow, static (s, f) => s.OnFlowEnd(f));

    public void Advance(long nowUs) => Judge(nowUs, static (s, now) => s.Advance(now));

    public void EndCapture() => Judge(0, static (s, _) => s.EndCapture());

    public void Finish(long nowUs) => Judge(nowUs, static (s, now) => s.Finish(now));

    public void Flush() => Judge(0, static (s, _) => s.Flush());

    private void Judge<T>(T argument, Action<JudgingStage, T> call)
    {
        if (_failure is not null) return;
        try
        {
            call(stage, argument);
        }
        catch (Exception e) when (!_inScope || e is OutOfMemoryException)
        {
            _failure = ExceptionDispatchInfo.Capture(e);
            throw;
        }
    }
}
