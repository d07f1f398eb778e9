namespace Analyzer.Capture;

/// <summary>
/// The hand-over between <see cref="ReadAhead"/>'s reading thread and its analysis thread: a fixed set of reusable
/// <see cref="FrameBatch"/>es that go round, free → filled by the reader → queued in order → drained by the analysis →
/// free. One lock, and waits without spinning: a side with nothing to do sleeps until the other hands it something,
/// and a reader that has filled every batch sleeps until half of them are free again, so that the two threads do not
/// wake each other for every batch and a waiting reader burns no core the analysis could use.
/// </summary>
internal sealed class BatchQueue
{
    private readonly object _lock = new();
    private readonly FrameBatch[] _queued;
    private readonly Stack<FrameBatch> _free = new();
    private readonly int _resumeAt;
    private int _head;
    private int _count;
    private bool _completed;

    public BatchQueue(int batches)
    {
        _queued = new FrameBatch[batches];
        for (int i = 0; i < batches; i++) _free.Push(new FrameBatch());
        _resumeAt = Math.Max(1, batches / 2);
    }

    /// <summary>The analysis stopped: the reader's next call throws <see cref="OperationCanceledException"/>.</summary>
    public bool Cancelled { get; private set; }

    /// <summary>The reader's next batch to fill; waits while every batch is queued or being drained.</summary>
    public FrameBatch TakeFree()
    {
        lock (_lock)
        {
            if (_free.Count == 0)
                while (_free.Count < _resumeAt && !Cancelled) Monitor.Wait(_lock);
            if (Cancelled) throw new OperationCanceledException("the analysis stopped");
            return _free.Pop();
        }
    }

    /// <summary>Queues a filled batch for the analysis.</summary>
    public void Enqueue(FrameBatch batch)
    {
        lock (_lock)
        {
            if (Cancelled) throw new OperationCanceledException("the analysis stopped");
            _queued[(_head + _count) % _queued.Length] = batch;
            if (++_count == 1) Monitor.PulseAll(_lock);
        }
    }

    /// <summary>The reader is done: once the queue is drained, <see cref="TryTake"/> says so.</summary>
    public void Complete()
    {
        lock (_lock)
        {
            _completed = true;
            Monitor.PulseAll(_lock);
        }
    }

    /// <summary>The analysis failed: wakes the reader, whose next call throws.</summary>
    public void Cancel()
    {
        lock (_lock)
        {
            Cancelled = true;
            Monitor.PulseAll(_lock);
        }
    }

    /// <summary>The next queued batch, in the order queued; waits for one; false when the reader is done and all is drained.</summary>
    public bool TryTake(out FrameBatch batch)
    {
        lock (_lock)
        {
            while (_count == 0 && !_completed) Monitor.Wait(_lock);
            if (_count == 0)
            {
                batch = null!;
                return false;
            }
            batch = _queued[_head];
            _queued[_head] = null!;
            _head = (_head + 1) % _queued.Length;
            _count--;
            return true;
        }
    }

    /// <summary>A drained batch goes back to the reader.</summary>
    public void Return(FrameBatch batch)
    {
        lock (_lock)
        {
            _free.Push(batch);
            if (_free.Count == _resumeAt) Monitor.PulseAll(_lock);
        }
    }
}
