using Analyzer.Decoding;
using Analyzer.Events;

namespace Analyzer.Reassembly;

/// <summary>
/// Puts the segments of every TCP connection back in order, per direction, and hands the bytes to one
/// <see cref="ITcpStreamConsumer"/>. Handles the handshake and connections picked up in the middle, out-of-order
/// segments, retransmissions, overlaps, holes, FIN/RST and sequence wrap-around.
/// </summary>
/// <remarks>
/// Overlap policy: the first bytes received for a sequence number win; a later segment that carries different
/// bytes for it is a <c>tcp.conflicting_overlap</c> anomaly (checked against bytes still held: queued segments and
/// the bytes the consumer has not consumed yet). A hole is given up, reported as <c>tcp.gap</c> and skipped when the
/// receiver acknowledges bytes beyond it, when the out-of-order caps are reached, or at FIN/RST, expiry and end of
/// input. Ignored connections (see <see cref="TcpStream.Ignore"/>) cost one table lookup per segment and allocate
/// nothing. All bounds are in <see cref="TcpReassemblyLimits"/>; what they drop is in <see cref="Counters"/>.
/// Not thread-safe: one reassembler per pipeline thread.
/// </remarks>
public sealed class TcpReassembler
{
    private readonly HeldByteCount _held = new();
    private readonly TcpStreamTable _streams;
    private readonly TcpSequencer _sequencer;
    private readonly ITcpStreamConsumer _consumer;
    private long _lastExpireUs = long.MinValue;

    public TcpReassembler(ITcpStreamConsumer consumer, TcpReassemblyLimits? limits = null)
    {
        _consumer = consumer;
        Limits = limits ?? new TcpReassemblyLimits();
        _streams = new TcpStreamTable(_held);
        _sequencer = new TcpSequencer(consumer, Limits, Counters);
    }

    public TcpReassemblyLimits Limits { get; }
    public TcpReassemblyCounters Counters { get; } = new();
    /// <summary>Connections in the table, including closed ones that linger.</summary>
    public int StreamCount => _streams.Count;
    /// <summary>Bytes held by all connections (pending and out-of-order).</summary>
    public long HeldBytes => _held.Total;

    public void OnSegment(in PacketInfo packet, ReadOnlySpan<byte> payload, IEventSink sink)
    {
        if (packet.Transport != Transport.Tcp) return;
        var flags = packet.TcpFlags;
        var key = TcpStreamKey.From(packet);
        if (!_streams.TryGet(key, out var stream))
        {
            // A bare ACK, FIN or RST of an unknown connection carries nothing to reassemble.
            if ((payload.IsEmpty && (flags & TcpFlags.Syn) == 0) || (flags & TcpFlags.Rst) != 0)
            {
                MaybeExpire(packet.TimestampUs, sink);
                return;
            }
            stream = Open(key, packet, sink);
        }
        else if ((flags & TcpFlags.Syn) != 0 && IsNewConnection(stream, packet))
        {
            Remove(stream, packet, sink);
            stream = Open(key, packet, sink);
        }

        if (stream.Closed)
        {
            Counters.SegmentsIgnored++;
        }
        else if (stream.Ignored)
        {
            Counters.SegmentsIgnored++;
            _streams.Touch(stream, packet.TimestampUs);
            TrackIgnoredClose(stream, packet);
        }
        else
        {
            _streams.Touch(stream, packet.TimestampUs);
            Process(stream, packet, payload, sink);
            if (stream.Ignored)
            {
                stream.AppState = null;
                stream.ReleaseBuffers();
            }
            if (_held.Total > Limits.MaxTotalBytes) EnforceGlobalCap(stream, packet, sink);
        }
        MaybeExpire(packet.TimestampUs, sink);
    }

    /// <summary>Flushes and forgets connections idle for longer than the limits allow.</summary>
    public void Expire(long nowUs, IEventSink sink)
    {
        _lastExpireUs = nowUs;
        while (_streams.OldestClosed is { } closed && closed.LastSeenUs + Limits.ClosedLingerUs <= nowUs)
            Forget(closed);
        while (_streams.OldestActive is { } stream && stream.LastSeenUs + Limits.IdleTimeoutUs <= nowUs)
        {
            Counters.StreamsExpired++;
            FlushAndClose(stream, stream.Half(StreamDirection.FromOriginator).LastPacket, sink);
            Forget(stream);
        }
    }

    /// <summary>End of input: delivers what can still be delivered, then forgets every connection.</summary>
    public void Finish(long nowUs, IEventSink sink)
    {
        while (_streams.NewestActive is { } stream)
        {
            FlushAndClose(stream, stream.Half(StreamDirection.FromOriginator).LastPacket, sink);
            Forget(stream);
        }
        while (_streams.NewestClosed is { } closed) Forget(closed);
        _lastExpireUs = nowUs;
    }

    private void MaybeExpire(long nowUs, IEventSink sink)
    {
        if (_lastExpireUs == long.MinValue) _lastExpireUs = nowUs;
        else if (nowUs - _lastExpireUs >= Limits.ExpireIntervalUs) Expire(nowUs, sink);
    }

    private TcpStream Open(TcpStreamKey key, in PacketInfo packet, IEventSink sink)
    {
        if (_streams.Count >= Limits.MaxStreams) EvictOne(packet, sink);
        bool synAck = (packet.TcpFlags & (TcpFlags.Syn | TcpFlags.Ack)) == (TcpFlags.Syn | TcpFlags.Ack);
        TcpStream stream;
        if (synAck)
        {
            stream = _streams.Open(key, packet.Dst, packet.DstPort, packet.TimestampUs);
            // The SYN was missed, but its acknowledgment tells where the originator's bytes start.
            stream.Half(StreamDirection.FromOriginator).Start(packet.TcpAck, midStream: false);
        }
        else
        {
            stream = _streams.Open(key, packet.Src, packet.SrcPort, packet.TimestampUs);
        }
        Counters.StreamsCreated++;
        return stream;
    }

    private static bool IsNewConnection(TcpStream stream, in PacketInfo packet)
    {
        if (stream.Closed) return true;
        var half = stream.Half(stream.DirectionOf(packet));
        if (half.SynSeen) return half.Isn != packet.TcpSeq;
        // A SYN from a side that already sent data: the port pair was reused.
        return (packet.TcpFlags & TcpFlags.Ack) == 0 && half.HasBase;
    }

    private void TrackIgnoredClose(TcpStream stream, in PacketInfo packet)
    {
        if ((packet.TcpFlags & TcpFlags.Rst) != 0)
        {
            MarkClosed(stream, packet.TimestampUs);
            return;
        }
        if ((packet.TcpFlags & TcpFlags.Fin) == 0) return;
        stream.Half(stream.DirectionOf(packet)).FinSeen = true;
        if (stream.Half(StreamDirection.FromOriginator).FinSeen && stream.Half(StreamDirection.FromResponder).FinSeen)
            MarkClosed(stream, packet.TimestampUs);
    }

    /// <summary>Both directions are over: release everything but the table entry, which lingers.</summary>
    private void MarkClosed(TcpStream stream, long nowUs)
    {
        if (stream.Closed) return;
        _consumer.OnClosed(stream);
        stream.AppState = null;
        stream.ReleaseBuffers();
        stream.Closed = true;
        stream.LastSeenUs = nowUs;
        _streams.MoveToClosed(stream);
        Counters.StreamsClosed++;
    }

    private void FlushAndClose(TcpStream stream, in PacketInfo packet, IEventSink sink)
    {
        if (stream.Closed) return;
        if (!stream.Ignored)
        {
            _sequencer.Flush(stream, StreamDirection.FromOriginator, sink);
            _sequencer.Flush(stream, StreamDirection.FromResponder, sink);
        }
        MarkClosed(stream, packet.TimestampUs);
    }

    /// <summary>Removes a connection at once (port reuse), closing it first.</summary>
    private void Remove(TcpStream stream, in PacketInfo packet, IEventSink sink)
    {
        FlushAndClose(stream, packet, sink);
        Forget(stream);
    }

    private void Forget(TcpStream stream)
    {
        if (!stream.Closed)
        {
            _consumer.OnClosed(stream);
            stream.ReleaseBuffers();
        }
        _streams.Remove(stream);
    }

    private void EvictOne(in PacketInfo packet, IEventSink sink)
    {
        if (_streams.OldestClosed is { } closed)
        {
            Forget(closed);
            return;
        }
        if (_streams.OldestActive is not { } victim) return;
        Counters.StreamsEvicted++;
        if (!victim.Ignored)
        {
            sink.OnAnomaly(new DecodeAnomaly(packet, TcpAnomalyIds.GlobalCap,
                $"connection table full ({Limits.MaxStreams}): evicted {victim.Key}"));
        }
        FlushAndClose(victim, victim.Half(StreamDirection.FromOriginator).LastPacket, sink);
        Forget(victim);
    }

    private void EnforceGlobalCap(TcpStream current, in PacketInfo packet, IEventSink sink)
    {
        var node = _streams.OldestActive;
        while (_held.Total > Limits.MaxTotalBytes)
        {
            while (node is not null && (node == current || node.HeldBytes == 0)) node = _streams.NewerThan(node);
            var victim = node ?? current;
            node = node is null ? null : _streams.NewerThan(node);
            long held = victim.HeldBytes;
            Counters.BytesDroppedGlobalCap += held;
            Counters.StreamsEvictedForMemory++;
            sink.OnAnomaly(new DecodeAnomaly(packet, TcpAnomalyIds.GlobalCap,
                $"held bytes over {Limits.MaxTotalBytes}: dropped {held} bytes of {victim.Key}"));
            victim.ReleaseBuffers();
            EndBoth(victim, sink);
            MarkClosed(victim, packet.TimestampUs);
            if (victim == current) break;
        }
    }

    private void EndBoth(TcpStream stream, IEventSink sink)
    {
        var a = stream.Half(StreamDirection.FromOriginator);
        var b = stream.Half(StreamDirection.FromResponder);
        _sequencer.End(stream, StreamDirection.FromOriginator, a, a.LastPacket, sink);
        _sequencer.End(stream, StreamDirection.FromResponder, b, b.LastPacket, sink);
    }

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
            _sequencer.Accept(stream, direction, half, seq, payload, packet, sink);
            if (stream.Ignored) return;
        }

        if ((flags & TcpFlags.Fin) != 0 && !half.FinSeen && half.HasBase)
        {
            half.FinSeen = true;
            half.FinSeq = SequenceNumber.Add(seq, payload.Length);
        }

        if ((flags & TcpFlags.Ack) != 0) _sequencer.CheckAcknowledged(stream, Opposite(direction), packet.TcpAck, sink);
        if (stream.Ignored) return;

        if ((flags & TcpFlags.Rst) != 0)
        {
            _sequencer.Flush(stream, StreamDirection.FromOriginator, sink);
            _sequencer.Flush(stream, StreamDirection.FromResponder, sink);
            MarkClosed(stream, packet.TimestampUs);
            return;
        }

        _sequencer.EndIfFinished(stream, direction, half, packet, sink);
        if (stream.Half(StreamDirection.FromOriginator).Ended && stream.Half(StreamDirection.FromResponder).Ended)
            MarkClosed(stream, packet.TimestampUs);
    }
}
