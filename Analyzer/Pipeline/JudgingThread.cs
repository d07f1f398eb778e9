using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Analyzer.Decoding;
using Analyzer.Events;
using Analyzer.Flows;

namespace Analyzer.Pipeline;

/// <summary>
/// Runs the judging side (<see cref="JudgingStage"/>) on a thread of its own: the decoding thread queues its calls in
/// <see cref="JudgingBatch"/>es and this thread replays them in the same order, so every output is the same as on
/// one thread. The queue is bounded (<see cref="MaxQueuedBatches"/>): the decoding side never runs far ahead and
/// memory stays flat.
/// </summary>
/// <remarks>
/// Failures keep their single-thread meaning (<see cref="IJudging"/>): a call that fails inside a guarded scope has
/// its scope's remaining calls skipped and the scope's <c>decode.exception</c> anomaly judged in their place (the
/// decoding of the rest of that packet has already run); any other failure stops the judging, the batches are still
/// taken and dropped so the decoding side never waits forever, and it throws the failure at its next call.
/// </remarks>
internal sealed class JudgingThread : IJudging, IDisposable
{
    /// <summary>
    /// Batches handed over but not yet judged, at most; the decoding side waits when judging is this far behind. Few:
    /// what waits in the queue outlives a young-generation collection, and 8 batches of 1,024 calls grew the heap by
    /// 75 MB on dense UPnP traffic.
    /// </summary>
    public const int MaxQueuedBatches = 4;

    private readonly JudgingStage _stage;
    private readonly BlockingCollection<JudgingBatch> _full = new(MaxQueuedBatches);
    private readonly BlockingCollection<JudgingBatch> _free = new();
    private readonly Thread _thread;
    private JudgingBatch _current;
    private volatile ExceptionDispatchInfo? _failure;
    private bool _completed;

    // The decoding side's open scope.
    private long _scope;
    private bool _inScope;
    private long _scopeTimestampUs;
    private long _scopeFrame;

    // The judging side's failed scope, whose remaining calls are skipped.
    private long _failedScope;
    private long _failedTimestampUs;
    private long _failedFrame;
    private Exception? _failedError;

    public JudgingThread(JudgingStage stage)
    {
        _stage = stage;
        // One being filled, one being judged, the rest queued.
        for (int i = 0; i < MaxQueuedBatches + 2; i++) _free.Add(new JudgingBatch());
        _current = _free.Take();
        _thread = new Thread(Judge) { Name = "judging", IsBackground = true };
        _thread.Start();
    }

    /// <summary>Anomalies counted on the judging thread (failures of guarded calls), to add to the run's statistics.</summary>
    public PipelineStatistics Counted { get; } = new();

    public void EnterScope(long timestampUs, long frame)
    {
        _scope++;
        _inScope = true;
        _scopeTimestampUs = timestampUs;
        _scopeFrame = frame;
    }

    public void ExitScope() => _inScope = false;

    public void ThrowIfFailed() => _failure?.Throw();

    public void BeginCapture(string name) => Add(JudgingCallKind.BeginCapture, name, 0);

    public void OnEvent(AnalyzerEvent e) => Add(JudgingCallKind.Event, e, 0);

    public void OnAnomaly(DecodeAnomaly a) => Add(JudgingCallKind.Anomaly, a, 0);

    public void OnFlowEnd(FlowRecord flow) => Add(JudgingCallKind.FlowEnd, _current.Keep(flow), 0);

    public void Advance(long nowUs) => Add(JudgingCallKind.Advance, null, nowUs);

    public void EndCapture()
    {
        Add(JudgingCallKind.EndCapture, null, 0);
        HandOver();
    }

    public void Finish(long nowUs) => Add(JudgingCallKind.Finish, null, nowUs);

    public void Flush()
    {
        Add(JudgingCallKind.Flush, null, 0);
        HandOver();
    }

    /// <summary>Hands over what is queued and waits until all of it is judged and the thread has ended; nothing may be queued afterwards.</summary>
    public void Complete()
    {
        Stop();
        ThrowIfFailed();
    }

    private void Stop()
    {
        if (_completed) return;
        _completed = true;
        HandOver();
        _full.CompleteAdding();
        _thread.Join();
    }

    private void Add(JudgingCallKind kind, object? argument, long nowUs)
    {
        if (_inScope) _current.Add(kind, argument, nowUs, _scope, _scopeTimestampUs, _scopeFrame);
        else _current.Add(kind, argument, nowUs, 0, 0, 0);
        if (_current.IsFull) HandOver();
    }

    private void HandOver()
    {
        if (_current.Count == 0) return;
        _full.Add(_current);
        _current = _free.Take();
    }

    private void Judge()
    {
        foreach (var batch in _full.GetConsumingEnumerable())
        {
            // After a failure the batches are still taken (and dropped), so the decoding side never waits forever.
            if (_failure is null)
            {
                try
                {
                    Replay(batch);
                }
                catch (Exception e)
                {
                    _failure = ExceptionDispatchInfo.Capture(e);
                }
            }
            batch.Clear();
            _free.Add(batch);
        }
        if (_failure is null && _failedScope != 0)
        {
            try
            {
                Recover();
            }
            catch (Exception e)
            {
                _failure = ExceptionDispatchInfo.Capture(e);
            }
        }
    }

    private void Replay(JudgingBatch batch)
    {
        foreach (ref readonly var call in batch.Calls)
        {
            if (_failedScope != 0)
            {
                if (call.Scope == _failedScope) continue;
                Recover();
            }
            if (call.Scope == 0)
            {
                Execute(call);
                continue;
            }
            try
            {
                Execute(call);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                _failedScope = call.Scope;
                _failedTimestampUs = call.ScopeTimestampUs;
                _failedFrame = call.ScopeFrame;
                _failedError = e;
            }
        }
    }

    /// <summary>What the decoding side's catch does with a failure in its scope: the scope's packet gets an anomaly.</summary>
    private void Recover()
    {
        var anomaly = AnalyzerPipeline.ExceptionAnomaly(new PacketInfo { TimestampUs = _failedTimestampUs, FrameNumber = _failedFrame }, _failedError!);
        _failedScope = 0;
        _failedError = null;
        PipelineStatistics.Increment(Counted.AnomaliesById, anomaly.Id);
        _stage.OnAnomaly(anomaly);
    }

    private void Execute(in JudgingCall call)
    {
        switch (call.Kind)
        {
            case JudgingCallKind.BeginCapture: _stage.BeginCapture((string)call.Argument!); break;
            case JudgingCallKind.Event: _stage.OnEvent((AnalyzerEvent)call.Argument!); break;
            case JudgingCallKind.Anomaly: _stage.OnAnomaly((DecodeAnomaly)call.Argument!); break;
            case JudgingCallKind.FlowEnd: _stage.OnFlowEnd((FlowRecord)call.Argument!); break;
            case JudgingCallKind.Advance: _stage.Advance(call.NowUs); break;
            case JudgingCallKind.EndCapture: _stage.EndCapture(); break;
            case JudgingCallKind.Finish: _stage.Finish(call.NowUs); break;
            case JudgingCallKind.Flush: _stage.Flush(); break;
        }
    }

    /// <summary>Judges what was handed over (nothing is lost when the decoding side stops early), then ends the thread.</summary>
    public void Dispose()
    {
        Stop();
        _full.Dispose();
        _free.Dispose();
    }
}
