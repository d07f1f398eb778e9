using System.Buffers.Binary;
using Analyzer.Decoding;
using Analyzer.Decoding.Ip;
using Analyzer.Decoding.Link;
using Analyzer.Generation;
using Analyzer.Generation.Capture;
using Analyzer.Generation.Scenarios;
using PacketDotNet;

namespace Analyzer.Benchmarks;

/// <summary>
/// Writes the benchmark captures. The UPnP-family traffic is the scenario generator's (every scenario's SSDP,
/// NAT-PMP/PCP and HTTP control sessions, segmented SOAP included), replayed with shifted times; the mixed capture
/// puts it between background TCP and UDP (long TLS-like streams picked up mid-flow, DNS, QUIC-like datagrams) so that
/// about 1% of the packets are UPnP-family.
/// </summary>
internal static class BenchCorpus
{
    private const int BackgroundFlows = 4096;
    private const int BackgroundPerUpnpFrame = 99;

    public static int Run(string[] args)
    {
        if (args.Length < 3) { Console.Error.WriteLine("usage: corpus OUT_FILE mixed|dense|flows PACKETS"); return 2; }
        string path = args[0];
        bool mixed = args[1] == "mixed";
        long packets = long.Parse(args[2]);
        if (args[1] == "flows") return WriteFlows(path, packets);
        var pool = UpnpFrames();
        using var writer = CaptureFileWriters.Open(path, CaptureFileFormat.Pcap, LinkLayers.Ethernet, "eth0");
        var background = new Background();
        long written = 0, replay = 0;
        long span = pool[^1].TimestampUs - pool[0].TimestampUs;
        while (written < packets)
        {
            // Each replay starts well after the previous one ended, so every flow and window of it has expired.
            long shift = replay++ * (span + 600_000_000L);
            foreach (var frame in pool)
            {
                if (written >= packets) break;
                long t = frame.TimestampUs + shift;
                writer.Write(new GeneratedFrame(t, frame.Data));
                if (++written >= packets) break;
                if (!mixed) continue;
                for (int i = 0; i < BackgroundPerUpnpFrame && written < packets; i++, written++)
                    writer.Write(new GeneratedFrame(t + i + 1, background.Next()));
            }
        }
        Console.WriteLine($"{path}: {written} packets ({pool.Count} UPnP-family frames replayed {replay} times)");
        return 0;
    }

    /// <summary>PACKETS / 2 distinct TCP/UDP 5-tuples, each seen twice within a few seconds: that many concurrent flows.</summary>
    private static int WriteFlows(string path, long packets)
    {
        var sweep = new FlowSweep(packets / 2);
        using var writer = CaptureFileWriters.Open(path, CaptureFileFormat.Pcap, LinkLayers.Ethernet, "eth0");
        long start = CaptureGenerator.ToUs(CaptureGenerator.BaseTime), written = 0;
        for (int pass = 0; pass < 2; pass++)
            for (long flow = 0; flow < sweep.Flows; flow++)
                writer.Write(new GeneratedFrame(start + written++, sweep.Frame(flow)));
        Console.WriteLine($"{path}: {written} packets, {sweep.Flows} concurrent flows");
        return 0;
    }

    /// <summary>The UPnP-family frames of every scenario, in time order, taken from Ethernet captures only.</summary>
    private static List<GeneratedFrame> UpnpFrames()
    {
        var frames = new List<GeneratedFrame>();
        long offset = 0;
        foreach (var scenario in ScenarioCatalog.All)
        {
            GeneratedCapture? capture = null;
            for (int seed = 1; seed < 200 && capture is null; seed++)
            {
                var c = CaptureGenerator.Generate(scenario, seed, CaptureFileFormat.Pcap);
                if (c.LinkType == LinkLayers.Ethernet) capture = c;
            }
            if (capture is null) continue;
            long start = capture.Frames[0].TimestampUs;
            foreach (var f in capture.Frames)
                if (IsUpnpFamily(f.Data)) frames.Add(f with { TimestampUs = CaptureGenerator.ToUs(CaptureGenerator.BaseTime) + offset + (f.TimestampUs - start) });
            offset += capture.Frames[^1].TimestampUs - start + 1_000_000;
        }
        return frames;
    }

    private static bool IsUpnpFamily(byte[] frame)
    {
        if (FrameDecoder.Decode(LinkType.Ethernet, frame, out var ip, out _) != FrameResult.Ip) return false;
        if (ip.Protocol == (byte)Transport.Udp && TransportHeader.TryReadUdp(ip.Payload, out var sp, out var dp, out _))
            return sp is 1900 or 5350 or 5351 || dp is 1900 or 5350 or 5351;
        if (ip.Protocol == (byte)Transport.Tcp && TransportHeader.TryReadTcp(ip.Payload, out sp, out dp, out _, out _, out _, out _))
            return sp is not (443 or 8009 or 8443) && dp is not (443 or 8009 or 8443);
        return false;
    }

    /// <summary>Background frames patched in place from templates: no allocation per frame.</summary>
    private sealed class Background
    {
        private readonly byte[] _tcp = Frame(6, 1400);
        private readonly byte[] _dns = Frame(17, 40);
        private readonly byte[] _quic = Frame(17, 1200);
        private readonly uint[] _seq = new uint[BackgroundFlows];
        private long _n;

        public byte[] Next()
        {
            long n = _n++;
            int flow = (int)(n % BackgroundFlows);
            byte[] f = (n % 10) switch { 0 => _dns, 1 or 2 => _quic, _ => _tcp };
            // Source 10.20.x.y, port by flow; destination fixed per template.
            f[28] = (byte)(flow >> 8);
            f[29] = (byte)flow;
            BinaryPrimitives.WriteUInt16BigEndian(f.AsSpan(34), (ushort)(20000 + flow));
            if (ReferenceEquals(f, _tcp))
            {
                BinaryPrimitives.WriteUInt32BigEndian(f.AsSpan(38), _seq[flow]);
                _seq[flow] += 1400;
            }
            return f;
        }

        private static byte[] Frame(byte protocol, int payload)
        {
            int l4 = protocol == 6 ? 20 : 8;
            var f = new byte[14 + 20 + l4 + payload];
            f[12] = 0x08;
            f[14] = 0x45;
            BinaryPrimitives.WriteUInt16BigEndian(f.AsSpan(16), (ushort)(20 + l4 + payload));
            f[22] = 64;
            f[23] = protocol;
            new byte[] { 10, 20, 0, 0 }.CopyTo(f, 26);
            new byte[] { 93, 184, 216, 34 }.CopyTo(f, 30);
            BinaryPrimitives.WriteUInt16BigEndian(f.AsSpan(36), protocol == 6 ? (ushort)443 : payload < 100 ? (ushort)53 : (ushort)443);
            if (protocol == 6)
            {
                f[46] = 5 << 4;
                f[47] = 0x18;
                BinaryPrimitives.WriteUInt16BigEndian(f.AsSpan(48), 502);
                f[54] = 0x17; f[55] = 0x03; f[56] = 0x03;
            }
            else
            {
                BinaryPrimitives.WriteUInt16BigEndian(f.AsSpan(38), (ushort)(8 + payload));
            }
            return f;
        }
    }
}
