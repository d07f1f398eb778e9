using Analyzer.Decoding;
using Analyzer.Decoding.Link;
using Analyzer.Flows;
using Analyzer.Output;

namespace Analyzer.AlertPackets;

/// <summary>
/// Keeps the recent frames of each TCP connection and UDP flow of the capture being read, within
/// <see cref="EvidenceLimits"/>, so an alert raised later can still be shown with its packets: a TCP connection
/// from its handshake up to the per-connection cap, the latest datagrams of a UDP flow. Frame numbers restart with
/// each capture, so a new capture starts empty.
/// </summary>
public sealed class EvidenceBuffer(EvidenceLimits limits, EvidenceStatistics stats)
{
    private sealed class KeptFlow(bool tcp)
    {
        public readonly bool Tcp = tcp;
        public readonly List<EvidenceFrame> Frames = [];
        public long Bytes;
    }

    private readonly Dictionary<FlowKey, KeptFlow> _flows = new(FlowKey.Comparer);
    private readonly Queue<FlowKey> _age = new();
    private long _bytes;

    /// <summary>The link type of the capture being read, written in the evidence files' header.</summary>
    public LinkType LinkType { get; private set; }

    /// <summary>Bytes of frames held now (never above <see cref="EvidenceLimits.MaxBufferedBytes"/> for long).</summary>
    public long BufferedBytes => _bytes;

    public void BeginCapture()
    {
        _flows.Clear();
        _age.Clear();
        _bytes = 0;
    }

    public void Keep(in PacketInfo packet, LinkType linkType, ReadOnlySpan<byte> frame)
    {
        LinkType = linkType;
        var key = FlowKey.Of(packet);
        bool tcp = packet.Transport == Transport.Tcp;
        if (!_flows.TryGetValue(key, out var flow))
        {
            _flows[key] = flow = new KeptFlow(tcp);
            _age.Enqueue(key);
            while (_flows.Count > limits.MaxFlows) ForgetOldest();
        }
        else if (tcp && (packet.TcpFlags & (TcpFlags.Syn | TcpFlags.Ack)) == TcpFlags.Syn && flow.Frames.Count > 0)
        {
            // A new connection on the same addresses and ports: its own handshake starts the evidence again.
            _bytes -= flow.Bytes;
            flow.Frames.Clear();
            flow.Bytes = 0;
        }

        if (frame.Length > limits.MaxBytesPerFlow)
        {
            stats.FramesOverFlowCap++;
            return;
        }
        if (tcp)
        {
            if (flow.Frames.Count >= limits.MaxFramesPerConnection || flow.Bytes + frame.Length > limits.MaxBytesPerFlow)
            {
                stats.FramesOverFlowCap++;
                return;
            }
        }
        else
        {
            while (flow.Frames.Count > 0 && (flow.Frames.Count >= limits.MaxFramesPerDatagramFlow || flow.Bytes + frame.Length > limits.MaxBytesPerFlow))
            {
                flow.Bytes -= flow.Frames[0].Data.Length;
                _bytes -= flow.Frames[0].Data.Length;
                flow.Frames.RemoveAt(0);
                stats.FramesOverFlowCap++;
            }
        }
        flow.Frames.Add(new EvidenceFrame(packet.FrameNumber, packet.TimestampUs, frame.ToArray()));
        flow.Bytes += frame.Length;
        _bytes += frame.Length;
        while (_bytes > limits.MaxBufferedBytes && _age.Count > 1) ForgetOldest();
    }

    /// <summary>
    /// The frames that make an alert: the whole kept TCP connection of its endpoints, or the one UDP datagram of its
    /// frame; null when the alert names no packet or its packets are no longer kept.
    /// </summary>
    public IReadOnlyList<EvidenceFrame>? FramesOf(Alert alert)
    {
        if (alert.Frame <= 0 || alert.Src == default || alert.Dst == default) return null;
        foreach (var transport in (ReadOnlySpan<Transport>)[Transport.Udp, Transport.Tcp])
        {
            var key = FlowKey.Of(new PacketInfo { Src = alert.Src, SrcPort = alert.SrcPort, Dst = alert.Dst, DstPort = alert.DstPort, Transport = transport });
            if (!_flows.TryGetValue(key, out var flow)) continue;
            if (flow.Tcp) return flow.Frames.Count > 0 ? [.. flow.Frames] : null;
            foreach (var f in flow.Frames)
                if (f.FrameNumber == alert.Frame) return [f];
        }
        return null;
    }

    private void ForgetOldest()
    {
        var key = _age.Dequeue();
        if (_flows.Remove(key, out var flow))
        {
            _bytes -= flow.Bytes;
            stats.FlowsForgotten++;
        }
    }
}
