using Analyzer.Decoding;
using Analyzer.Events;

namespace Analyzer.Reassembly;

// The per-segment path: sequence bookkeeping, delivery in order, the out-of-order queue and holes.
public sealed partial class TcpReassembler
{
    private static StreamDirection Opposite(StreamDirection direction) =>
        direction == StreamDirection.FromOriginator ? StreamDirection.FromResponder : StreamDirection.FromOriginator;

    private void Process(TcpStream stream, in PacketInfo packet, ReadOnlySpan<byte> payload, IEventSink sink)
    {
        var flags = packet.TcpFlags;
        var direction = stream.DirectionOf(packet);
        var half = stream.Half(direction);
        half.LastPacket = packet;
        uint seq = packet.TcpSeq;

        if ((flags & TcpFlags.Syn) != 0)
        {
            if (!half.SynSeen)
            {
                half.SynSeen = true;
                half.Isn = seq;
                if (!half.HasBase) half.Start(SequenceNumber.Add(seq, 1), midStream: false);
            }
            // SYN takes one sequence number; data on a SYN (TCP Fast Open) starts after it.
            seq = SequenceNumber.Add(seq, 1);
        }

        if (!payload.IsEmpty && !half.Ended)
        {
            if (!half.HasBase) half.Start(seq, midStream: true);
            Accept(stream, direction, half, seq, payload, packet, sink);
            if (stream.Ignored) return;
        }

        if ((flags & TcpFlags.Fin) != 0 && !half.FinSeen && half.HasBase)
        {
            half.FinSeen = true;
            half.FinSeq = SequenceNumber.Add(seq, payload.Length);
        }

        if ((flags & TcpFlags.Ack) != 0) CheckAcknowledged(stream, Opposite(direction), packet.TcpAck, sink);
        if (stream.Ignored) return;

        if ((flags & TcpFlags.Rst) != 0)
        {
            Flush(stream, StreamDirection.FromOriginator, sink);
            Flush(stream, StreamDirection.FromResponder, sink);
            MarkClosed(stream, packet.TimestampUs);
            return;
        }

        EndIfFinished(stream, direction, half, packet, sink);
        if (stream.Half(StreamDirection.FromOriginator).Ended && stream.Half(StreamDirection.FromResponder).Ended)
            MarkClosed(stream, packet.TimestampUs);
    }

    /// <summary>
    /// The peer acknowledged bytes of <paramref name="direction"/> that were never delivered: the receiver has them,
    /// the capture missed them, so waiting longer is pointless.
    /// </summary>
    private void CheckAcknowledged(TcpStream stream, StreamDirection direction, uint ack, IEventSink sink)
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

    private void Accept(TcpStream stream, StreamDirection direction, TcpHalfStream half, uint seq,
        ReadOnlySpan<byte> payload, in PacketInfo packet, IEventSink sink)
    {
        int rel = SequenceNumber.Diff(seq, half.NextSeq);
        if (rel < 0)
        {
            // Bytes before NextSeq were delivered already: a retransmission, in whole or in part.
            long behind = -(long)rel;
            int old = (int)Math.Min(behind, payload.Length);
            CompareWithPending(stream, half, seq, payload[..old], packet, sink);
            Counters.RetransmittedBytes += old;
            if (old == payload.Length) return;
            payload = payload[old..];
            seq = half.NextSeq;
            rel = 0;
        }
        if (rel > Limits.MaxSequenceJump)
        {
            Counters.SegmentsOutOfWindow++;
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
        Counters.BytesDelivered += data.Length;
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
        if (half.PendingLength + data.Length <= Limits.MaxPendingBytesPerDirection)
        {
            half.AppendPending(data);
            return true;
        }
        long dropped = half.PendingLength + data.Length;
        Counters.BytesDroppedStreamCap += dropped;
        if (!half.ReportedStreamCap)
        {
            half.ReportedStreamCap = true;
            sink.OnAnomaly(new DecodeAnomaly(packet, TcpAnomalyIds.StreamCap,
                $"{dropped} unconsumed bytes over the per-direction cap of {Limits.MaxPendingBytesPerDirection} ({stream.Key})"));
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
        Counters.ConflictingOverlaps++;
        if (half.ReportedConflict) return;
        half.ReportedConflict = true;
        sink.OnAnomaly(new DecodeAnomaly(packet, TcpAnomalyIds.ConflictingOverlap,
            $"overlapping segments carry different bytes; the first was kept ({stream.Key})"));
    }

    private void Enqueue(TcpStream stream, StreamDirection direction, TcpHalfStream half, uint seq,
        ReadOnlySpan<byte> payload, in PacketInfo packet, IEventSink sink)
    {
        if (payload.Length > Limits.MaxOutOfOrderBytesPerDirection)
        {
            Counters.BytesDroppedStreamCap += payload.Length;
            ReportStreamCap(stream, half, packet, sink, payload.Length);
            return;
        }
        half.Queue ??= new List<OutOfOrderSegment>(4);
        // The hole will not be filled in time: give it up and deliver what waits behind it.
        while (half.Queue.Count > 0 &&
               (half.QueuedBytes + payload.Length > Limits.MaxOutOfOrderBytesPerDirection ||
                half.Queue.Count >= Limits.MaxOutOfOrderSegmentsPerDirection))
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
            Counters.RetransmittedBytes += end - pos;
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
        Counters.Gaps++;
        Counters.GapBytes += missing;
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

    private void EndIfFinished(TcpStream stream, StreamDirection direction, TcpHalfStream half, in PacketInfo packet, IEventSink sink)
    {
        if (half.FinSeen && !half.Ended && half.NextSeq == half.FinSeq && half.Queue is not { Count: > 0 })
            End(stream, direction, half, packet, sink);
    }

    /// <summary>Delivers everything still queued, across holes, then ends the direction.</summary>
    private void Flush(TcpStream stream, StreamDirection direction, IEventSink sink)
    {
        var half = stream.Half(direction);
        while (!stream.Ignored && !half.Ended && half.Queue is { Count: > 0 })
            SkipGap(stream, direction, half, half.LastPacket, sink);
        End(stream, direction, half, half.LastPacket, sink);
    }

    private void End(TcpStream stream, StreamDirection direction, TcpHalfStream half, in PacketInfo packet, IEventSink sink)
    {
        if (half.Ended) return;
        half.Ended = true;
        half.ReleasePending();
        half.ReleaseQueue();
        if (!stream.Ignored) _consumer.OnEnd(stream, direction, packet, sink);
    }
}
