using Analyzer.Decoding;
using Analyzer.State;

namespace Analyzer.Flows;

/// <summary>
/// Bounded table of live flows. Each flow sits in the recency list of its timeout class (UDP, open TCP, closed TCP),
/// so expiry and eviction take the least recently active flow in O(1): memory stays flat whatever the capture
/// size. Ended flows go to the sink.
/// </summary>
/// <remarks>
/// The per-packet path allocates nothing once the table has held as many flows as it holds at most: records are
/// reused (an ended flow's record takes the next new flow), the index (<see cref="SlotIndex"/>) is an array of
/// values that files each slot under its key's hash (the key is compared in the record, read anyway), and the recency
/// lists (<see cref="SlotLists"/>) link slots by number in an array of their own.
/// </remarks>
public sealed class FlowTable(IFlowSink sink, FlowTableLimits? limits = null)
{
    private const int InitialRecords = 256;

    private readonly FlowTableLimits _limits = limits ?? new FlowTableLimits();
    private readonly SlotIndex _index = new();
    private readonly SlotLists _lists = new(ClassCount);
    private FlowRecord[] _records = new FlowRecord[InitialRecords];
    private int _recordsCreated;
    private readonly Stack<FlowRecord> _free = new();

    public int Count => _index.Count;
    public long Evicted { get; private set; }
    public long Created { get; private set; }

    /// <summary>Counts a packet on its flow, creating the flow when new. Returns the flow.</summary>
    public FlowRecord Track(in PacketInfo p, int bytes)
    {
        var key = FlowKey.Of(p);
        int hash = key.GetHashCode();
        var flow = Find(key, hash);
        if (flow is null)
        {
            if (_index.Count >= _limits.MaxFlows)
            {
                Evicted++;
                End(OldestOverall()!, "evicted");
            }
            flow = NewRecord(key, hash, p.TimestampUs);
            // A SYN-ACK seen first means the responder spoke first in the capture: keep the real originator.
            if (p.Transport == Transport.Tcp && (p.TcpFlags & (TcpFlags.Syn | TcpFlags.Ack)) == (TcpFlags.Syn | TcpFlags.Ack))
                (flow.OrigIp, flow.OrigPort, flow.RespIp, flow.RespPort) = (p.Dst, p.DstPort, p.Src, p.SrcPort);
            else
                (flow.OrigIp, flow.OrigPort, flow.RespIp, flow.RespPort) = (p.Src, p.SrcPort, p.Dst, p.DstPort);
            _index.Add(hash, flow.Slot);
            Created++;
        }
        flow.LastUs = p.TimestampUs;
        bool fromOrig = p.Src == flow.OrigIp && p.SrcPort == flow.OrigPort;
        if (fromOrig) { flow.OrigPackets++; flow.OrigBytes += bytes; }
        else { flow.RespPackets++; flow.RespBytes += bytes; }
        if (p.Transport == Transport.Tcp)
        {
            if ((p.TcpFlags & TcpFlags.Fin) != 0) { if (fromOrig) flow.OrigFin = true; else flow.RespFin = true; }
            if ((p.TcpFlags & TcpFlags.Rst) != 0) flow.Reset = true;
        }
        _lists.MoveToNewest(ClassOf(flow), flow.Slot);
        return flow;
    }

    public bool TryGet(in PacketInfo p, out FlowRecord? flow)
    {
        var key = FlowKey.Of(p);
        flow = Find(key, key.GetHashCode());
        return flow is not null;
    }

    /// <summary>Ends flows idle for longer than their timeout at capture time <paramref name="nowUs"/>.</summary>
    public void Expire(long nowUs)
    {
        for (int i = 0; i < ClassCount; i++)
        {
            long timeout = i switch { UdpClass => _limits.UdpIdleTimeoutUs, OpenTcpClass => _limits.TcpIdleTimeoutUs, _ => _limits.ClosedTimeoutUs };
            while (Oldest(i) is { } f && nowUs - f.LastUs >= timeout)
                End(f, i == ClosedTcpClass ? (f.Reset ? "reset" : "closed") : "idle");
        }
    }

    /// <summary>Ends every flow (end of input).</summary>
    public void EndAll()
    {
        while (OldestOverall() is { } f) End(f, f.Reset ? "reset" : f.OrigFin && f.RespFin ? "closed" : "end_of_capture");
    }

    private const int UdpClass = 0;
    private const int OpenTcpClass = 1;
    private const int ClosedTcpClass = 2;
    private const int ClassCount = 3;

    private static int ClassOf(FlowRecord f) =>
        f.Transport != Transport.Tcp ? UdpClass : f.Reset || (f.OrigFin && f.RespFin) ? ClosedTcpClass : OpenTcpClass;

    private FlowRecord? Find(in FlowKey key, int hash)
    {
        for (int slot = _index.First(hash, out int probe); slot != SlotIndex.None; slot = _index.Next(hash, ref probe))
        {
            var flow = _records[slot];
            if (flow.Has(key)) return flow;
        }
        return null;
    }

    private FlowRecord NewRecord(in FlowKey key, int hash, long firstUs)
    {
        if (!_free.TryPop(out var flow))
        {
            if (_recordsCreated == _records.Length) Array.Resize(ref _records, _records.Length * 2);
            flow = new FlowRecord { Slot = _recordsCreated };
            _records[_recordsCreated++] = flow;
        }
        flow.Restart(key, hash, firstUs);
        return flow;
    }

    private FlowRecord? Oldest(int list) => _lists.Oldest(list) is var slot && slot == SlotLists.None ? null : _records[slot];

    private FlowRecord? OldestOverall()
    {
        FlowRecord? oldest = null;
        for (int i = 0; i < ClassCount; i++)
            if (Oldest(i) is { } f && (oldest is null || f.LastUs < oldest.LastUs)) oldest = f;
        return oldest;
    }

    private void End(FlowRecord flow, string reason)
    {
        flow.EndReason = reason;
        _lists.Unlink(flow.Slot);
        _index.Remove(flow.KeyHash, flow.Slot);
        sink.OnFlowEnd(flow);
        _free.Push(flow);
    }
}
