using Analyzer.Capture;
using Analyzer.Decoding;
using Analyzer.Decoding.Ip;
using Analyzer.Decoding.Link;
using Analyzer.Decoding.NatPmp;
using Analyzer.Decoding.Ssdp;

namespace Analyzer.Tests.Fuzzing;

/// <summary>
/// Seeds for the fuzz targets, taken from the committed captures (samples/pcaps and samples/pcaps/regressions):
/// whole frames, UDP payloads per protocol, TCP conversations and the HTTP bodies inside them.
/// </summary>
public sealed class SeedCorpus
{
    /// <summary>Frames kept per capture, so that a big capture does not crowd out the others.</summary>
    public const int MaxFramesPerCapture = 2000;

    public List<CapturedFrame> Frames { get; } = [];
    public List<byte[]> Ssdp { get; } = [];
    public List<byte[]> NatPmp { get; } = [];
    public List<byte[]> Pcp { get; } = [];
    public List<TcpConversation> Conversations { get; } = [];

    public static string RepoRoot { get; } = FindRoot();

    public static string SamplesDirectory => Path.Combine(RepoRoot, "samples", "pcaps");

    /// <summary>
    /// Loads every capture of samples/pcaps and its regressions folder, then those under
    /// <paramref name="extraDirectories"/> (the driver's <c>--seeds</c>, e.g. the shared conformance captures).
    /// </summary>
    public static SeedCorpus Load(params string[] extraDirectories)
    {
        var corpus = new SeedCorpus();
        foreach (var directory in extraDirectories.Prepend(SamplesDirectory))
        {
            var files = Directory.EnumerateFiles(directory, "*.pcap*", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal);
            foreach (var file in files) corpus.Add(file);
        }
        return corpus;
    }

    /// <summary>Request or response bodies of the conversations (the bytes after the first empty line).</summary>
    public List<byte[]> Bodies(Func<TcpConversation, bool> select)
    {
        var bodies = new List<byte[]>();
        foreach (var c in Conversations.Where(select))
            foreach (var side in new[] { c.Client.ToArray(), c.Server.ToArray() })
                foreach (var body in SplitBodies(side))
                    if (body.Length > 0) bodies.Add(body);
        return bodies;
    }

    private static List<byte[]> SplitBodies(byte[] stream)
    {
        // Each message: head, empty line, body up to the next start line. Good enough for seeds.
        var bodies = new List<byte[]>();
        var span = stream.AsSpan();
        int pos = 0;
        while (pos < span.Length)
        {
            int end = span[pos..].IndexOf("\r\n\r\n"u8);
            if (end < 0) break;
            int bodyStart = pos + end + 4;
            int next = NextStart(span, bodyStart);
            bodies.Add(span[bodyStart..next].ToArray());
            pos = next;
        }
        return bodies;
    }

    private static int NextStart(ReadOnlySpan<byte> span, int from)
    {
        for (int i = from; i < span.Length; i++)
        {
            var rest = span[i..];
            if (rest.StartsWith("HTTP/1."u8) || rest.StartsWith("POST "u8) || rest.StartsWith("GET "u8)
                || rest.StartsWith("NOTIFY "u8) || rest.StartsWith("SUBSCRIBE "u8) || rest.StartsWith("UNSUBSCRIBE "u8)
                || rest.StartsWith("DELETE "u8))
                return i;
        }
        return span.Length;
    }

    private void Add(string file)
    {
        var reader = new FrameCollector(Path.GetFileName(file));
        try
        {
            new PcapFileSource(file).Run(reader);
        }
        catch (Exception e) when (e is CaptureException or IOException or InvalidOperationException)
        {
            // A capture may be broken at the file level (a regression, a foreign corpus); its frames so far still count.
        }
        var conversations = new Dictionary<(NetAddress, ushort, NetAddress, ushort), TcpConversation>();
        Frames.AddRange(reader.Frames.Take(MaxFramesPerCapture));
        foreach (var frame in reader.Frames)
        {
            if (FrameDecoder.Decode(frame.LinkType, frame.Bytes, out var ip, out _) != FrameResult.Ip || ip.IsFragment) continue;
            if (ip.Protocol == (byte)Transport.Udp && TransportHeader.TryReadUdp(ip.Payload, out var sp, out var dp, out var payload))
            {
                if (payload.IsEmpty) continue;
                if (sp == SsdpAnalyzer.Port || dp == SsdpAnalyzer.Port) Ssdp.Add(payload.ToArray());
                else if (sp is NatPmpAnalyzer.ServerPort or NatPmpAnalyzer.ClientPort || dp is NatPmpAnalyzer.ServerPort or NatPmpAnalyzer.ClientPort)
                    (payload[0] == 0 ? NatPmp : Pcp).Add(payload.ToArray());
            }
            else if (ip.Protocol == (byte)Transport.Tcp
                && TransportHeader.TryReadTcp(ip.Payload, out var tsp, out var tdp, out _, out _, out var flags, out var data))
            {
                // The side that sent the SYN (or, without one, the higher port) is the client.
                bool fromClient = (flags & TcpFlags.Syn) != 0 ? (flags & TcpFlags.Ack) == 0 : tsp > tdp;
                var key = fromClient ? (ip.Src, tsp, ip.Dst, tdp) : (ip.Dst, tdp, ip.Src, tsp);
                if (!conversations.TryGetValue(key, out var c))
                {
                    if (data.IsEmpty && (flags & TcpFlags.Syn) == 0) continue;
                    conversations[key] = c = new TcpConversation(frame.Capture, key.Item2, key.Item4);
                    Conversations.Add(c);
                }
                (fromClient ? c.Client : c.Server).Write(data);
            }
        }
        Conversations.RemoveAll(c => c.Client.Length == 0 && c.Server.Length == 0);
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Analyzer.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Analyzer.sln not found above " + AppContext.BaseDirectory);
    }

    private sealed class FrameCollector(string capture) : IFrameConsumer
    {
        public List<CapturedFrame> Frames { get; } = [];

        public void OnFrame(LinkType linkType, long timestampUs, ReadOnlySpan<byte> frame, int wireLength) =>
            Frames.Add(new CapturedFrame(capture, linkType, timestampUs, frame.ToArray()));
    }
}
