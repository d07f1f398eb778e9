using System.Diagnostics;
using Analyzer.Capture;
using Analyzer.Decoding;
using Analyzer.Decoding.Http;
using Analyzer.Decoding.Ip;
using Analyzer.Decoding.Link;
using Analyzer.Events;
using Analyzer.Flows;
using Analyzer.Pipeline;

namespace Analyzer.Benchmarks;

/// <summary>`stages FILE`: time of each pipeline stage added one at a time, to see where a capture's time goes.</summary>
internal static class StageProfile
{
    private sealed class NullFlowSink : IFlowSink { public void OnFlowEnd(FlowRecord flow) { } }

    private sealed class Stage(int depth) : IFrameConsumer
    {
        private readonly FlowTable _flows = new(new NullFlowSink());
        private readonly Analyzer.Reassembly.TcpReassembler _tcp = ProtocolAnalyzers.CreateReassembler();
        private readonly EventList _sink = new();
        public long Count;

        public void OnFrame(LinkType linkType, long timestampUs, ReadOnlySpan<byte> frame, int wireLength)
        {
            if (FrameDecoder.Decode(linkType, frame, out var ip, out _) != FrameResult.Ip) return;
            Count++;
            if (depth < 2) return;
            var kind = TransportDecoder.Decode(ip, ip.Payload, timestampUs, Count, out var info, out var payload, out _);
            if (kind is not (TransportKind.Tcp or TransportKind.Udp)) return;
            if (depth >= 3) _flows.Track(info, frame.Length);
            if (depth >= 4 && kind == TransportKind.Tcp) _tcp.OnSegment(info, payload, _sink);
        }
    }

    public static int Run(string file)
    {
        foreach (var (name, depth) in new[] { ("read+decode", 1), ("+udp/tcp header", 2), ("+flows", 3), ("+tcp analyzers", 4) })
        {
            var stage = new Stage(depth);
            var clock = Stopwatch.StartNew();
            var result = new PcapFileSource(file).Run(stage);
            Console.WriteLine($"{name,-14} {result.Packets / clock.Elapsed.TotalSeconds,12:N0} packets/s");
        }
        using var dir = new TempOutputs();
        var settings = new PipelineSettings { AlertsPath = dir.Alerts };
        foreach (var (name, s) in new[] { ("pipeline", settings), ("pipeline", settings), ("no rules", settings with { RulesEnabled = false }) })
        {
            var clock2 = Stopwatch.StartNew();
            using var pipeline = new AnalyzerPipeline(s);
            var r = new PcapFileSource(file).Run(pipeline);
            pipeline.Finish();
            Console.WriteLine($"{name,-14} {r.Packets / clock2.Elapsed.TotalSeconds,12:N0} packets/s");
        }
        // The whole pipeline again with the capture read on a second thread, then also judged on a third (what --jobs 2
        // does for one file).
        var clock3 = Stopwatch.StartNew();
        using (var pipeline = new AnalyzerPipeline(settings))
        {
            var r = ReadAhead.Run(reader => new PcapFileSource(file).Run(reader), pipeline);
            pipeline.Finish();
            Console.WriteLine($"{"read ahead",-14} {r.Packets / clock3.Elapsed.TotalSeconds,12:N0} packets/s");
        }
        var clock4 = Stopwatch.StartNew();
        using (var pipeline = new AnalyzerPipeline(settings, judgeOnOwnThread: true))
        {
            var r = ReadAhead.Run(reader => new PcapFileSource(file).Run(reader), pipeline);
            pipeline.Finish();
            Console.WriteLine($"{"three threads",-14} {r.Packets / clock4.Elapsed.TotalSeconds,12:N0} packets/s");
        }
        return 0;
    }

    private sealed class TempOutputs : IDisposable
    {
        public string Alerts { get; } = Path.GetTempFileName();
        public void Dispose() => File.Delete(Alerts);
    }
}
