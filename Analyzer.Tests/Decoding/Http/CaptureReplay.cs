using Analyzer.Capture;
using Analyzer.Decoding;
using Analyzer.Decoding.Http;
using Analyzer.Decoding.Ip;
using Analyzer.Decoding.Link;
using Analyzer.Events;
using Analyzer.Tests.Support;

namespace Analyzer.Tests.Decoding.Http;

/// <summary>
/// Feeds every TCP segment of a capture file to a <see cref="HttpStreamAnalyzer"/>, as the pipeline does, and keeps
/// what it emits. Frame numbers count from 1 like Wireshark's.
/// </summary>
internal sealed class CaptureReplay : IFrameConsumer
{
    private readonly HttpStreamAnalyzer _analyzer;
    private long _frame;
    private long _lastUs;

    private CaptureReplay(HttpStreamAnalyzer analyzer) => _analyzer = analyzer;

    public EventList Sink { get; } = new();

    /// <summary>The shared conformance corpus: the nearest shared/conformance folder above the repository.</summary>
    public static string ConformanceRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(Repo.Root); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "shared", "conformance");
                if (Directory.Exists(candidate)) return candidate;
            }
            throw new DirectoryNotFoundException("shared/conformance not found above " + Repo.Root);
        }
    }

    public static EventList Run(string path, HttpStreamAnalyzer? analyzer = null)
    {
        var replay = new CaptureReplay(analyzer ?? new HttpStreamAnalyzer());
        var result = new PcapFileSource(path).Run(replay);
        Assert.True(result.Error is null, result.Error);
        replay._analyzer.Finish(replay._lastUs, replay.Sink);
        return replay.Sink;
    }

    public void OnFrame(LinkType linkType, long timestampUs, ReadOnlySpan<byte> frame, int wireLength)
    {
        _frame++;
        _lastUs = Math.Max(_lastUs, timestampUs);
        if (FrameDecoder.Decode(linkType, frame, out var ip, out _) != FrameResult.Ip) return;
        if (ip.IsFragment || ip.Protocol != (byte)Transport.Tcp) return;
        if (!TransportHeader.TryReadTcp(ip.Payload, out var sp, out var dp, out var seq, out var ack, out var flags, out var payload)) return;
        var info = new PacketInfo
        {
            TimestampUs = timestampUs, Src = ip.Src, Dst = ip.Dst, SrcPort = sp, DstPort = dp, Transport = Transport.Tcp,
            TcpSeq = seq, TcpAck = ack, TcpFlags = flags, FrameNumber = _frame,
        };
        _analyzer.OnSegment(info, payload, Sink);
    }
}
