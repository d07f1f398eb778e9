namespace Analyzer.Decoding.Ip;

/// <summary>
/// Rebuilds fragmented IPv4 and IPv6 datagrams (RFC 791 §3.2, RFC 8200 §4.5). Bounded: at most
/// <see cref="MaxPendingDatagrams"/> datagrams in progress (the oldest is dropped for a new one),
/// <see cref="MaxDatagramBytes"/> per datagram, <see cref="MaxFragmentsPerDatagram"/> pieces, and
/// <see cref="TimeoutUs"/> of capture time to complete. What a cap or the timeout drops is reported as an anomaly.
/// Overlaps keep the first data received; a conflicting overlap is an anomaly (a classic evasion trick).
/// </summary>
public sealed class FragmentReassembler
{
    public const int MaxPendingDatagrams = 256;
    public const int MaxDatagramBytes = 65535;
    public const int MaxFragmentsPerDatagram = 128;
    public const long TimeoutUs = 30_000_000;

    private sealed class Pending
    {
        public readonly byte[] Data = new byte[MaxDatagramBytes];
        public readonly List<(int Start, int End)> Pieces = [];
        public int TotalLength = -1;
        public long FirstSeenUs;
    }

    private readonly Dictionary<FragmentKey, Pending> _pending = [];
    private readonly Queue<(FragmentKey Key, Pending Value)> _order = new();
    private readonly Stack<Pending> _free = new();

    public int PendingCount => _pending.Count;

    /// <summary>
    /// Adds one fragment. Returns the whole transport payload when this fragment completes its datagram, else null.
    /// <paramref name="anomalyId"/> is set when the fragment or an evicted datagram had to be dropped.
    /// </summary>
    public byte[]? Add(in IpPacket fragment, long nowUs, out string? anomalyId)
    {
        anomalyId = null;
        ExpireOlderThan(nowUs - TimeoutUs, ref anomalyId);
        int start = fragment.FragmentOffset;
        int end = start + fragment.Payload.Length;
        if (end > MaxDatagramBytes)
        {
            anomalyId = IpAnomalyIds.FragmentTooLarge;
            return null;
        }
        var key = new FragmentKey(fragment.Src, fragment.Dst, fragment.FragmentId, fragment.Protocol);
        if (!_pending.TryGetValue(key, out var p))
        {
            if (_pending.Count >= MaxPendingDatagrams)
            {
                EvictOldest();
                anomalyId = IpAnomalyIds.FragmentCap;
            }
            p = _free.Count > 0 ? _free.Pop() : new Pending();
            p.FirstSeenUs = nowUs;
            _pending[key] = p;
            _order.Enqueue((key, p));
        }
        if (p.Pieces.Count >= MaxFragmentsPerDatagram)
        {
            anomalyId = IpAnomalyIds.TooManyFragments;
            Release(key, p);
            return null;
        }
        if (!fragment.MoreFragments)
        {
            if (p.TotalLength >= 0 && p.TotalLength != end) anomalyId = IpAnomalyIds.FragmentConflict;
            p.TotalLength = end;
        }
        if (!AddPiece(p, start, fragment.Payload)) anomalyId = IpAnomalyIds.FragmentConflict;

        if (p.TotalLength < 0 || !Covers(p.Pieces, p.TotalLength)) return null;
        var whole = p.Data.AsSpan(0, p.TotalLength).ToArray();
        Release(key, p);
        return whole;
    }

    /// <summary>Drops datagrams that cannot complete any more; returns how many were dropped.</summary>
    public int Expire(long nowUs)
    {
        string? ignored = null;
        return ExpireOlderThan(nowUs - TimeoutUs, ref ignored);
    }

    private int ExpireOlderThan(long limitUs, ref string? anomalyId)
    {
        int dropped = 0;
        while (_order.Count > 0)
        {
            var (key, value) = _order.Peek();
            if (!_pending.TryGetValue(key, out var current) || !ReferenceEquals(current, value)) { _order.Dequeue(); continue; }
            if (value.FirstSeenUs >= limitUs) break;
            _order.Dequeue();
            Release(key, value);
            dropped++;
            anomalyId = IpAnomalyIds.FragmentTimeout;
        }
        return dropped;
    }

    private void EvictOldest()
    {
        while (_order.Count > 0)
        {
            var (key, value) = _order.Dequeue();
            if (_pending.TryGetValue(key, out var current) && ReferenceEquals(current, value))
            {
                Release(key, value);
                return;
            }
        }
    }

    private void Release(FragmentKey key, Pending p)
    {
        _pending.Remove(key);
        p.Pieces.Clear();
        p.TotalLength = -1;
        if (_free.Count < 16) _free.Push(p);
    }

    /// <summary>Copies the bytes not yet present (first data wins); false when present bytes differ.</summary>
    private static bool AddPiece(Pending p, int start, ReadOnlySpan<byte> data)
    {
        bool consistent = true;
        int end = start + data.Length;
        foreach (var (s, e) in p.Pieces)
        {
            int os = Math.Max(s, start), oe = Math.Min(e, end);
            if (os < oe && !p.Data.AsSpan(os, oe - os).SequenceEqual(data.Slice(os - start, oe - os))) consistent = false;
        }
        // Write only into the gaps so that earlier data is kept.
        int cursor = start;
        foreach (var (s, e) in p.Pieces.OrderBy(x => x.Start))
        {
            if (e <= cursor) continue;
            if (s >= end) break;
            if (s > cursor) data.Slice(cursor - start, s - cursor).CopyTo(p.Data.AsSpan(cursor));
            cursor = Math.Max(cursor, e);
        }
        if (cursor < end) data[(cursor - start)..].CopyTo(p.Data.AsSpan(cursor));
        p.Pieces.Add((start, end));
        return consistent;
    }

    private static bool Covers(List<(int Start, int End)> pieces, int total)
    {
        int reached = 0;
        foreach (var (s, e) in pieces.OrderBy(x => x.Start))
        {
            if (s > reached) return false;
            reached = Math.Max(reached, e);
        }
        return reached >= total;
    }
}
