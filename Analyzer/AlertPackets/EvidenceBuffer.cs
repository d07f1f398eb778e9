using Analyzer.Decoding;
using Analyzer.Decoding.Link;
using Analyzer.Flows;

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
        /// <summary>Evidence files of alerts on this connection, which its later frames are appended to.</summary>
        public List<string>? Followers;
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
            flow.Followers = null;
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
        var kept = new EvidenceFrame(packet.FrameNumber, packet.TimestampUs, frame.ToArray());
        flow.Frames.Add(kept);
        flow.Bytes += frame.Length;
        if (flow.Followers is not null) Append(flow.Followers, kept);
        _bytes += frame.Length;
        while (_bytes > limits.MaxBufferedBytes && _age.Count > 1) ForgetOldest();
    }

    /// <summary>
    /// The frames that make an alert: the whole kept TCP connection of its endpoints, or the one UDP datagram of its
    /// frame; null when the alert names no packet or its packets are no longer kept.
    /// </summary>
    public IReadOnlyList<EvidenceFrame>? FramesOf(Alert alert) => FramesOf(alert, out _);

    /// <param name="connection">The TCP connection the frames are of, for <see cref="Follow"/>; null for a datagram.</param>
    public IReadOnlyList<EvidenceFrame>? FramesOf(Alert alert, out FlowKey? connection)
    {
        connection = null;
        if (alert.Frame <= 0 || alert.Src == default || alert.Dst == default) return null;
        foreach (var transport in (ReadOnlySpan<Transport>)[Transport.Udp, Transport.Tcp])
        {
            var key = FlowKey.Of(new PacketInfo { Src = alert.Src, SrcPort = alert.SrcPort, Dst = alert.Dst, DstPort = alert.DstPort, Transport = transport });
            if (!_flows.TryGetValue(key, out var flow)) continue;
            if (flow.Tcp)
            {
                if (flow.Frames.Count == 0) return null;
                connection = key;
                return [.. flow.Frames];
            }
            foreach (var f in flow.Frames)
                if (f.FrameNumber == alert.Frame) return [f];
        }
        return null;
    }

    /// <summary>
    /// Appends the connection's later frames (within its caps) to an alert's evidence file, so the file holds the
    /// connection whether the alert was raised at its first request or after it closed.
    /// </summary>
    public void Follow(FlowKey connection, string path)
    {
        if (!_flows.TryGetValue(connection, out var flow)) return;
        flow.Followers ??= [];
        if (flow.Followers.Count < limits.MaxFilesFollowingConnection) flow.Followers.Add(path);
    }

    private void Append(List<string> files, EvidenceFrame frame)
    {
        foreach (var path in files)
        {
            long size = PcapFileWriter.RecordHeaderBytes + frame.Data.Length;
            if (stats.Bytes + size > limits.MaxWrittenBytes)
            {
                stats.FramesOverFileCap++;
                continue;
            }
            try
            {
                using var output = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
                PcapFileWriter.WriteRecord(output, frame);
                stats.Bytes += size;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stats.WriteFailures++;
            }
        }
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
