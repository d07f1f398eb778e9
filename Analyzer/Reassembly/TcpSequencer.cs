using Analyzer.Decoding;
using Analyzer.Events;

namespace Analyzer.Reassembly;

/// <summary>
/// The bytes of one direction put in order: delivery at the next expected sequence number, the out-of-order queue,
/// overlaps (the first bytes win), holes given up, and the bytes a consumer leaves unconsumed. The connection's
/// life (opening, closing, caps across connections) is <see cref="TcpReassembler"/>'s.
/// </summary>
internal sealed class TcpSequencer(ITcpStreamConsumer consumer, TcpReassemblyLimits limits, TcpReassemblyCounters counters)
{
    private readonly ITcpStreamConsumer _consumer = consumer;
    private readonly TcpReassemblyLimits _limits = limits;
    private readonly TcpReassemblyCounters _counters = counters;

    /// <summary>
    /// The peer acknowledged bytes of <paramref name="direction"/> that were never delivered: the receiver has them,
    /// the capture missed them, so waiting longer is pointless.
    /// </summary>
    internal void CheckAcknowledged(TcpStream stream, StreamDirection direction, uint ack, IEventSink sink)
    {
        var half = stream.Half(direction);
        if (!half.HasBase || half.Ended) return;
        while (half.Queue is { Count: > 0 } queue && SequenceNumber.Diff(ack, queue[0].Seq) > 0 && !stream.Ignored)
            SkipGap(stream, direction, half, half.LastPacket, sink);
        if (stream.Ignored) return;
        if (half.FinSeen && SequenceNumber.Diff(ack, half.FinSeq) > 0 && SequenceNumber.Diff(half.FinSeq, half.NextSeq) > 0)
        {
            ReportGap(stream, direction, half, SequenceNumber.Diff(half.FinSeq, half.NextSeq), half.LastPacket, sink);
            half.NextSeq = half.FinSeq;
        }
        EndIfFinished(stream, direction, half, half.LastPacket, sink);
    }

    internal void Accept(TcpStream stream, StreamDirection direction, TcpHalfStream half, uint seq,
        ReadOnlySpan<byte> payload, in PacketInfo packet, IEventSink sink)
    {
        int rel = SequenceNumber.Diff(seq, half.NextSeq);
        if (rel < 0)
        {
            // Bytes before NextSeq were delivered already: a retransmission, in whole or in part.
            long behind = -(long)rel;
            int old = (int)Math.Min(behind, payload.Length);
            CompareWithPending(stream, half, seq, payload[..old], packet, sink);
            _counters.RetransmittedBytes += old;
            if (old == payload.Length) return;
            payload = payload[old..];
            seq = half.NextSeq;
            rel = 0;
        }
        if (rel > _limits.MaxSequenceJump)
        {
            _counters.SegmentsOutOfWindow++;
            return;
        }
        if (rel > 0)
        {
            Enqueue(stream, direction, half, seq, payload, packet, sink);
            return;
        }
        DeliverInOrder(stream, direction, half, payload, packet, sink);
    }

    /// <summary>Delivers bytes starting at NextSeq; bytes already queued for the same numbers arrived first and win.</summary>
    private void DeliverInOrder(TcpStream stream, StreamDirection direction, TcpHalfStream half,
        ReadOnlySpan<byte> data, in PacketInfo packet, IEventSink sink)
    {
        while (!data.IsEmpty && !stream.Ignored && !half.Ended)
        {
            if (half.Queue is { Count: > 0 } queue && SequenceNumber.Diff(queue[0].Seq, half.NextSeq) < data.Length)
            {
                int cut = SequenceNumber.Diff(queue[0].Seq, half.NextSeq);
                if (cut > 0)
                {
                    Emit(stream, direction, half, data[..cut], packet, sink);
                    data = data[cut..];
                    if (stream.Ignored || half.Ended || half.Queue.Count == 0) continue;
                }
                var first = half.Queue[0];
                int overlap = Math.Min(data.Length, first.Length);
                if (!data[..overlap].SequenceEqual(first.Data[..overlap])) Conflict(stream, half, packet, sink);
                data = data[overlap..];
                DequeueAndEmit(stream, direction, half, packet, sink);
            }
            else
            {
                Emit(stream, direction, half, data, packet, sink);
                data = default;
            }
        }
        DrainQueue(stream, direction, half, packet, sink);
    }

    private void DrainQueue(TcpStream stream, StreamDirection direction, TcpHalfStream half, in PacketInfo packet, IEventSink sink)
    {
        while (!stream.Ignored && !half.Ended && half.Queue is { Count: > 0 } queue && queue[0].Seq == half.NextSeq)
            DequeueAndEmit(stream, direction, half, packet, sink);
    }

    private void DequeueAndEmit(TcpStream stream, StreamDirection direction, TcpHalfStream half, in PacketInfo packet, IEventSink sink)
    {
        var segment = half.TakeFirstQueued();
        try
        {
            Emit(stream, direction, half, segment.Data, packet, sink);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(segment.Buffer);
        }
    }

    /// <summary>Hands in-order bytes to the consumer, keeping what it does not consume (bounded).</summary>
    private void Emit(TcpStream stream, StreamDirection direction, TcpHalfStream half,
        ReadOnlySpan<byte> data, in PacketInfo packet, IEventSink sink)
    {
        half.NextSeq = SequenceNumber.Add(half.NextSeq, data.Length);
        _counters.BytesDelivered += data.Length;
        if (half.PendingLength == 0)
        {
            int consumed = Math.Clamp(_consumer.OnData(stream, direction, data, packet, sink), 0, data.Length);
            if (stream.Ignored || consumed == data.Length) return;
            KeepPending(stream, direction, half, data[consumed..], packet, sink);
            return;
        }
        if (!KeepPending(stream, direction, half, data, packet, sink)) return;
        int used = Math.Clamp(_consumer.OnData(stream, direction, half.Pending, packet, sink), 0, half.PendingLength);
        if (!stream.Ignored) half.ConsumePending(used);
    }

    private bool KeepPending(TcpStream stream, StreamDirection direction, TcpHalfStream half,
        ReadOnlySpan<byte> data, in PacketInfo packet, IEventSink sink)
    {
        if (half.PendingLength + data.Length <= _limits.MaxPendingBytesPerDirection)
        {
            half.AppendPending(data);
            return true;
        }
        long dropped = half.PendingLength + data.Length;
        _counters.BytesDroppedStreamCap += dropped;
        if (!half.ReportedStreamCap)
        {
            half.ReportedStreamCap = true;
            sink.OnAnomaly(new DecodeAnomaly(packet, TcpAnomalyIds.StreamCap,
                $"{dropped} unconsumed bytes over the per-direction cap of {_limits.MaxPendingBytesPerDirection} ({stream.Key})"));
        }
        half.ReleasePending();
        _consumer.OnGap(stream, direction, 0, packet, sink);
        return false;
    }

    /// <summary>A retransmission must repeat the bytes it overlaps; those still held can be checked.</summary>
    private void CompareWithPending(TcpStream stream, TcpHalfStream half, uint seq, ReadOnlySpan<byte> old,
        in PacketInfo packet, IEventSink sink)
    {
        if (half.PendingLength == 0) return;
        uint pendingStart = SequenceNumber.Add(half.NextSeq, -half.PendingLength);
        int offset = SequenceNumber.Diff(seq, pendingStart);
        var pending = half.Pending;
        int from = Math.Max(0, offset);
        int to = Math.Min(half.PendingLength, offset + old.Length);
        if (to <= from) return;
        if (!pending[from..to].SequenceEqual(old.Slice(from - offset, to - from))) Conflict(stream, half, packet, sink);
    }

    private void Conflict(TcpStream stream, TcpHalfStream half, in PacketInfo packet, IEventSink sink)
    {
        _counters.ConflictingOverlaps++;
        if (half.ReportedConflict) return;
        half.ReportedConflict = true;
        sink.OnAnomaly(new DecodeAnomaly(packet, TcpAnomalyIds.ConflictingOverlap,
            $"overlapping segments carry different bytes; the first was kept ({stream.Key})"));
    }

    private void Enqueue(TcpStream stream, StreamDirection direction, TcpHalfStream half, uint seq,
        ReadOnlySpan<byte> payload, in PacketInfo packet, IEventSink sink)
    {
        if (payload.Length > _limits.MaxOutOfOrderBytesPerDirection)
        {
            _counters.BytesDroppedStreamCap += payload.Length;
            ReportStreamCap(stream, half, packet, sink, payload.Length);
            return;
        }
        half.Queue ??= new List<OutOfOrderSegment>(4);
        // The hole will not be filled in time: give it up and deliver what waits behind it.
        while (half.Queue.Count > 0 &&
               (half.QueuedBytes + payload.Length > _limits.MaxOutOfOrderBytesPerDirection ||
                half.Queue.Count >= _limits.MaxOutOfOrderSegmentsPerDirection))
        {
            SkipGap(stream, direction, half, packet, sink);
            if (stream.Ignored || half.Ended) return;
        }
        int rel = SequenceNumber.Diff(seq, half.NextSeq);
        if (rel <= 0)
        {
            Accept(stream, direction, half, seq, payload, packet, sink);
            return;
        }
        InsertFirstWins(stream, half, seq, payload, packet, sink);
    }

    /// <summary>Queues the parts of a segment not covered by queued bytes; covered parts must match them.</summary>
    private void InsertFirstWins(TcpStream stream, TcpHalfStream half, uint seq, ReadOnlySpan<byte> payload,
        in PacketInfo packet, IEventSink sink)
    {
        var queue = half.Queue!;
        int index = 0;
        while (index < queue.Count && SequenceNumber.Diff(queue[index].End, seq) <= 0) index++;
        int pos = 0;
        while (pos < payload.Length)
        {
            if (index >= queue.Count)
            {
                InsertPiece(half, index, SequenceNumber.Add(seq, pos), payload[pos..]);
                return;
            }
            var existing = queue[index];
            int start = SequenceNumber.Diff(existing.Seq, seq);
            if (start >= payload.Length)
            {
                InsertPiece(half, index, SequenceNumber.Add(seq, pos), payload[pos..]);
                return;
            }
            if (start > pos)
            {
                InsertPiece(half, index, SequenceNumber.Add(seq, pos), payload[pos..start]);
                index++;
                pos = start;
            }
            int end = Math.Min(payload.Length, start + existing.Length);
            if (!payload[pos..end].SequenceEqual(existing.Data.Slice(pos - start, end - pos)))
                Conflict(stream, half, packet, sink);
            _counters.RetransmittedBytes += end - pos;
            pos = end;
            index++;
        }
    }

    private static void InsertPiece(TcpHalfStream half, int index, uint seq, ReadOnlySpan<byte> data)
    {
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(data.Length);
        data.CopyTo(buffer);
        half.AddQueued(index, new OutOfOrderSegment { Seq = seq, Buffer = buffer, Length = data.Length });
    }

    /// <summary>Gives up the hole before the first queued segment and delivers from there.</summary>
    private void SkipGap(TcpStream stream, StreamDirection direction, TcpHalfStream half, in PacketInfo packet, IEventSink sink)
    {
        var first = half.Queue![0];
        ReportGap(stream, direction, half, SequenceNumber.Diff(first.Seq, half.NextSeq), packet, sink);
        half.NextSeq = first.Seq;
        DrainQueue(stream, direction, half, packet, sink);
    }

    private void ReportGap(TcpStream stream, StreamDirection direction, TcpHalfStream half, long missing,
        in PacketInfo packet, IEventSink sink)
    {
        _counters.Gaps++;
        _counters.GapBytes += missing;
        // Capture loss makes many gaps in one direction: the first is reported, all are counted.
        if (!half.ReportedGap)
        {
            half.ReportedGap = true;
            sink.OnAnomaly(new DecodeAnomaly(packet, TcpAnomalyIds.Gap,
                $"{missing} bytes missing before seq {SequenceNumber.Add(half.NextSeq, (int)missing)} ({stream.Key})"));
        }
        half.ReleasePending();
        if (!stream.Ignored && !half.Ended) _consumer.OnGap(stream, direction, missing, packet, sink);
    }

    private void ReportStreamCap(TcpStream stream, TcpHalfStream half, in PacketInfo packet, IEventSink sink, long dropped)
    {
        if (half.ReportedStreamCap) return;
        half.ReportedStreamCap = true;
        sink.OnAnomaly(new DecodeAnomaly(packet, TcpAnomalyIds.StreamCap, $"{dropped} bytes dropped by a per-direction cap ({stream.Key})"));
    }

    internal void EndIfFinished(TcpStream stream, StreamDirection direction, TcpHalfStream half, in PacketInfo packet, IEventSink sink)
    {
        if (half.FinSeen && !half.Ended && half.NextSeq == half.FinSeq && half.Queue is not { Count: > 0 })
            End(stream, direction, half, packet, sink);
    }

    /// <summary>Delivers everything still queued, across holes, then ends the direction.</summary>
    internal void Flush(TcpStream stream, StreamDirection direction, IEventSink sink)
    {
        var half = stream.Half(direction);
        while (!stream.Ignored && !half.Ended && half.Queue is { Count: > 0 })
            SkipGap(stream, direction, half, half.LastPacket, sink);
        End(stream, direction, half, half.LastPacket, sink);
    }

    internal void End(TcpStream stream, StreamDirection direction, TcpHalfStream half, in PacketInfo packet, IEventSink sink)
    {
        if (half.Ended) return;
        half.Ended = true;
        half.ReleasePending();
        half.ReleaseQueue();
        if (!stream.Ignored) _consumer.OnEnd(stream, direction, packet, sink);
    }
}
