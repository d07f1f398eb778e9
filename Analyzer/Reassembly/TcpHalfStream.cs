using System.Buffers;
using Analyzer.Decoding;

namespace Analyzer.Reassembly;

/// <summary>
/// One direction of a connection: the next expected sequence number, the in-order bytes the consumer has not
/// consumed yet (<see cref="Pending"/>), and the segments that arrived ahead of a hole. Buffers are rented from
/// <see cref="ArrayPool{T}.Shared"/> only when bytes must be kept, and returned as soon as they are empty.
/// </summary>
public sealed class TcpHalfStream
{
    private readonly HeldByteCount _held;
    private byte[]? _pending;
    internal List<OutOfOrderSegment>? Queue;

    internal TcpHalfStream(HeldByteCount held) => _held = held;

    /// <summary>A sequence number has been fixed (from the SYN, or from the first segment seen).</summary>
    public bool HasBase { get; internal set; }
    /// <summary>The direction was picked up without its SYN: the first bytes may be in the middle of a message.</summary>
    public bool MidStream { get; internal set; }
    public bool SynSeen { get; internal set; }
    internal uint Isn;
    /// <summary>Sequence number of the next byte to deliver.</summary>
    public uint NextSeq { get; internal set; }
    public bool FinSeen { get; internal set; }
    internal uint FinSeq;
    /// <summary>No more bytes will be delivered in this direction.</summary>
    public bool Ended { get; internal set; }
    internal bool ReportedConflict;
    internal bool ReportedStreamCap;
    internal bool ReportedGap;
    internal PacketInfo LastPacket;

    internal int PendingLength;
    internal int QueuedBytes;

    internal ReadOnlySpan<byte> Pending => _pending is null ? default : _pending.AsSpan(0, PendingLength);

    internal int HeldBytes => PendingLength + QueuedBytes;

    internal void Start(uint seq, bool midStream)
    {
        HasBase = true;
        NextSeq = seq;
        MidStream = midStream;
    }

    /// <summary>Appends to the pending bytes; the caller has checked the cap.</summary>
    internal void AppendPending(ReadOnlySpan<byte> data)
    {
        int needed = PendingLength + data.Length;
        if (_pending is null || _pending.Length < needed)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, 2048));
            if (_pending is not null)
            {
                _pending.AsSpan(0, PendingLength).CopyTo(bigger);
                ArrayPool<byte>.Shared.Return(_pending);
            }
            _pending = bigger;
        }
        data.CopyTo(_pending.AsSpan(PendingLength));
        PendingLength = needed;
        _held.Total += data.Length;
    }

    /// <summary>Drops the first <paramref name="count"/> pending bytes.</summary>
    internal void ConsumePending(int count)
    {
        if (count <= 0) return;
        if (count >= PendingLength)
        {
            ReleasePending();
            return;
        }
        _pending.AsSpan(count, PendingLength - count).CopyTo(_pending);
        PendingLength -= count;
        _held.Total -= count;
    }

    internal void ReleasePending()
    {
        if (_pending is not null) ArrayPool<byte>.Shared.Return(_pending);
        _pending = null;
        _held.Total -= PendingLength;
        PendingLength = 0;
    }

    internal void ReleaseQueue()
    {
        if (Queue is null) return;
        foreach (var segment in Queue) ArrayPool<byte>.Shared.Return(segment.Buffer);
        Queue.Clear();
        _held.Total -= QueuedBytes;
        QueuedBytes = 0;
    }

    internal void AddQueued(int index, OutOfOrderSegment segment)
    {
        Queue!.Insert(index, segment);
        QueuedBytes += segment.Length;
        _held.Total += segment.Length;
    }

    /// <summary>Takes the first queued segment; the caller returns its buffer to the pool.</summary>
    internal OutOfOrderSegment TakeFirstQueued()
    {
        var segment = Queue![0];
        Queue.RemoveAt(0);
        QueuedBytes -= segment.Length;
        _held.Total -= segment.Length;
        return segment;
    }

    internal void Reset()
    {
        ReleasePending();
        ReleaseQueue();
        HasBase = MidStream = SynSeen = FinSeen = Ended = false;
        ReportedConflict = ReportedStreamCap = ReportedGap = false;
        Isn = FinSeq = 0;
        NextSeq = 0;
        LastPacket = default;
    }
}
