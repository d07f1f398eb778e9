using Analyzer.Decoding;

namespace Analyzer.Flows;

/// <summary>
/// Bounded table of live flows. Each flow sits in the recency list of its timeout class (UDP, open TCP, closed TCP),
/// so expiry and eviction take the least recently active flow in O(1): memory stays flat whatever the capture
/// size. Ended flows go to the sink.
/// </summary>
public sealed class FlowTable(IFlowSink sink, FlowTableLimits? limits = null)
{
    private readonly FlowTableLimits _limits = limits ?? new FlowTableLimits();
    private readonly Dictionary<FlowKey, FlowRecord> _flows = new(FlowKey.Comparer);
    private readonly RecencyList[] _lists = [new(), new(), new()];

    public int Count => _flows.Count;
    public long Evicted { get; private set; }
    public long Created { get; private set; }

    /// <summary>Counts a packet on its flow, creating the flow when new. Returns the flow.</summary>
    public FlowRecord Track(in PacketInfo p, int bytes)
    {
        var key = FlowKey.Of(p);
        if (!_flows.TryGetValue(key, out var flow))
        {
            if (_flows.Count >= _limits.MaxFlows)
            {
                Evicted++;
                End(OldestOverall()!, "evicted");
            }
            flow = new FlowRecord
            {
                Key = key, FirstUs = p.TimestampUs, OrigIp = p.Src, OrigPort = p.SrcPort, RespIp = p.Dst, RespPort = p.DstPort,
            };
            // A SYN-ACK seen first means the responder spoke first in the capture: keep the real originator.
            if (p.Transport == Transport.Tcp && (p.TcpFlags & (TcpFlags.Syn | TcpFlags.Ack)) == (TcpFlags.Syn | TcpFlags.Ack))
                (flow.OrigIp, flow.OrigPort, flow.RespIp, flow.RespPort) = (p.Dst, p.DstPort, p.Src, p.SrcPort);
            _flows.Add(key, flow);
            Created++;
        }
        else
        {
            _lists[flow.ListIndex].Unlink(flow);
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
        flow.ListIndex = ClassOf(flow);
        _lists[flow.ListIndex].Append(flow);
        return flow;
    }

    public bool TryGet(in PacketInfo p, out FlowRecord? flow) => _flows.TryGetValue(FlowKey.Of(p), out flow);

    /// <summary>Ends flows idle for longer than their timeout at capture time <paramref name="nowUs"/>.</summary>
    public void Expire(long nowUs)
    {
        for (int i = 0; i < _lists.Length; i++)
        {
            long timeout = i switch { UdpClass => _limits.UdpIdleTimeoutUs, OpenTcpClass => _limits.TcpIdleTimeoutUs, _ => _limits.ClosedTimeoutUs };
            while (_lists[i].Oldest is { } f && nowUs - f.LastUs >= timeout)
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

    private static int ClassOf(FlowRecord f) =>
        f.Transport != Transport.Tcp ? UdpClass : f.Reset || (f.OrigFin && f.RespFin) ? ClosedTcpClass : OpenTcpClass;

    private FlowRecord? OldestOverall()
    {
        FlowRecord? oldest = null;
        foreach (var list in _lists)
            if (list.Oldest is { } f && (oldest is null || f.LastUs < oldest.LastUs)) oldest = f;
        return oldest;
    }

    private void End(FlowRecord flow, string reason)
    {
        flow.EndReason = reason;
        _lists[flow.ListIndex].Unlink(flow);
        _flows.Remove(flow.Key);
        sink.OnFlowEnd(flow);
    }

    /// <summary>An intrusive doubly-linked list of flows, least recently active first.</summary>
    private sealed class RecencyList
    {
        public FlowRecord? Oldest;
        private FlowRecord? _newest;

        public void Append(FlowRecord f)
        {
            f.Prev = _newest;
            f.Next = null;
            if (_newest is not null) _newest.Next = f; else Oldest = f;
            _newest = f;
        }

        public void Unlink(FlowRecord f)
        {
            if (f.Prev is not null) f.Prev.Next = f.Next; else if (ReferenceEquals(Oldest, f)) Oldest = f.Next;
            if (f.Next is not null) f.Next.Prev = f.Prev; else if (ReferenceEquals(_newest, f)) _newest = f.Prev;
            f.Prev = f.Next = null;
        }
    }
}
