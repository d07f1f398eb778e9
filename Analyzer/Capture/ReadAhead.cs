using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Analyzer.Decoding.Link;

namespace Analyzer.Capture;

/// <summary>
/// Reads a capture on a thread of its own while the calling thread analyzes it: the reader copies frames into
/// <see cref="FrameBatch"/>es and queues them; the caller hands each frame, in capture order, to its consumer. The
/// consumer sees exactly the frames, order and thread it would see without it, so the outputs are the same; the
/// queue is bounded (<see cref="MaxQueuedBatches"/>), so the reader never runs far ahead and memory stays flat.
/// </summary>
public static class ReadAhead
{
    /// <summary>Batches read but not yet analyzed, at most; the reader waits when the analysis is this far behind.</summary>
    public const int MaxQueuedBatches = 8;

    /// <summary>
    /// Runs <paramref name="read"/> (which reads frames into the consumer it is given) on a reading thread and
    /// analyzes them with <paramref name="analysis"/> on this one; returns when both are done. An exception of
    /// either side stops the other and is thrown here.
    /// </summary>
    public static T Run<T>(Func<IFrameConsumer, T> read, IFrameConsumer analysis)
    {
        using var full = new BlockingCollection<FrameBatch>(MaxQueuedBatches);
        using var free = new BlockingCollection<FrameBatch>();
        for (int i = 0; i < MaxQueuedBatches + 2; i++) free.Add(new FrameBatch());
        using var stop = new CancellationTokenSource();
        var reader = new BatchingReader(full, free, stop.Token);
        T result = default!;
        ExceptionDispatchInfo? readFailure = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = read(reader);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The analysis failed and said so; its exception is the one thrown.
            }
            catch (Exception e)
            {
                readFailure = ExceptionDispatchInfo.Capture(e);
            }
            try
            {
                // The frames read before a failure are analyzed, as they would be without a reading thread.
                reader.Flush();
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
            finally
            {
                full.CompleteAdding();
            }
        }) { Name = "capture reader", IsBackground = true };
        thread.Start();
        try
        {
            foreach (var batch in full.GetConsumingEnumerable())
            {
                batch.DrainTo(analysis);
                free.Add(batch);
            }
        }
        catch
        {
            stop.Cancel();
            thread.Join();
            throw;
        }
        thread.Join();
        readFailure?.Throw();
        return result;
    }

    /// <summary>The reading thread's consumer: fills a batch, queues it when full, takes an empty one.</summary>
    private sealed class BatchingReader(BlockingCollection<FrameBatch> full, BlockingCollection<FrameBatch> free, CancellationToken stop)
        : IFrameConsumer
    {
        private FrameBatch _current = free.Take(stop);

        public void OnFrame(LinkType linkType, long timestampUs, ReadOnlySpan<byte> frame, int wireLength)
        {
            if (_current.TryAdd(linkType, timestampUs, frame, wireLength)) return;
            Flush();
            _current.TryAdd(linkType, timestampUs, frame, wireLength);
        }

        public void Flush()
        {
            if (_current.Count == 0) return;
            full.Add(_current, stop);
            _current = free.Take(stop);
        }
    }
}
