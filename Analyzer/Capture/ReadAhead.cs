using System.Runtime.ExceptionServices;
using Analyzer.Decoding.Link;

namespace Analyzer.Capture;

/// <summary>
/// Reads a capture on a thread of its own while the calling thread analyzes it: the reader copies frames into
/// <see cref="FrameBatch"/>es and queues them; the caller hands each frame, in capture order, to its consumer. The
/// consumer sees exactly the frames, order and thread it would see without it, so the outputs are the same; the
/// batches are a fixed set handed round through a <see cref="BatchQueue"/> (<see cref="MaxQueuedBatches"/> queued at
/// most), so the reader never runs far ahead and memory stays flat.
/// </summary>
public static class ReadAhead
{
    /// <summary>
    /// Batches read but not yet analyzed, besides the one being filled and the one being drained: the set handed
    /// round holds two more. The reader waits when the analysis is this far behind.
    /// </summary>
    public const int MaxQueuedBatches = 8;

    /// <summary>
    /// Runs <paramref name="read"/> (which reads frames into the consumer it is given) on a reading thread and
    /// analyzes them with <paramref name="analysis"/> on this one; returns when both are done. An exception of
    /// either side stops the other and is thrown here.
    /// </summary>
    public static T Run<T>(Func<IFrameConsumer, T> read, IFrameConsumer analysis)
    {
        var queue = new BatchQueue(MaxQueuedBatches + 2);
        var reader = new BatchingReader(queue);
        T result = default!;
        ExceptionDispatchInfo? readFailure = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = read(reader);
            }
            catch (OperationCanceledException) when (queue.Cancelled)
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
            catch (OperationCanceledException) when (queue.Cancelled)
            {
            }
            finally
            {
                queue.Complete();
            }
        }) { Name = "capture reader", IsBackground = true };
        thread.Start();
        try
        {
            while (queue.TryTake(out var batch))
            {
                batch.DrainTo(analysis);
                queue.Return(batch);
            }
        }
        catch
        {
            queue.Cancel();
            thread.Join();
            throw;
        }
        thread.Join();
        readFailure?.Throw();
        return result;
    }

    /// <summary>The reading thread's consumer: fills a batch, queues it when full, takes a free one when it needs one.</summary>
    private sealed class BatchingReader(BatchQueue queue) : IFrameConsumer
    {
        private FrameBatch? _current;

        public void OnFrame(LinkType linkType, long timestampUs, ReadOnlySpan<byte> frame, int wireLength)
        {
            _current ??= queue.TakeFree();
            if (_current.TryAdd(linkType, timestampUs, frame, wireLength)) return;
            Flush();
            _current = queue.TakeFree();
            _current.TryAdd(linkType, timestampUs, frame, wireLength);
        }

        public void Flush()
        {
            if (_current is not { Count: > 0 }) return;
            var full = _current;
            _current = null;
            queue.Enqueue(full);
        }
    }
}
