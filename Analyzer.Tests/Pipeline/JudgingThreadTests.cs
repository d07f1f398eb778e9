using System.Reflection;
using System.Text;
using System.Text.Json;
using Analyzer.Capture;
using Analyzer.Decoding;
using Analyzer.Events;
using Analyzer.Packets;
using Analyzer.Alerts;
using Analyzer.Flows;
using Analyzer.Pipeline;
using Analyzer.Rules;
using Analyzer.Rules.BuiltIn;
using Analyzer.Tests.Learning;
using Analyzer.Tests.Support;

namespace Analyzer.Tests.Pipeline;

/// <summary>
/// The judging side on a thread of its own (and the capture read on a third) writes byte for byte what one thread
/// writes, ends with the same statistics, and fails the way one thread fails.
/// </summary>
public class JudgingThreadTests
{
    private static readonly string[] OutputNames = ["alerts.csv", "events.csv", "flows.csv", "mappings.csv", "devices.csv"];

    private enum Threads { One, JudgeOnOwn, ReadJudgeOnOwn }

    private sealed record Outcome(Dictionary<string, string> Files, string? Statistics, string? Error);

    /// <summary>Hands frames on and moves the clock every <paramref name="every"/> frames, as a live capture's timer does.</summary>
    private sealed class Ticking(AnalyzerPipeline pipeline, int every) : IFrameConsumer
    {
        private long _frames;

        public void OnFrame(Analyzer.Decoding.Link.LinkType linkType, long timestampUs, ReadOnlySpan<byte> frame, int wireLength)
        {
            pipeline.OnFrame(linkType, timestampUs, frame, wireLength);
            if (++_frames % every == 0) pipeline.Tick(timestampUs);
        }
    }

    private static Outcome Run(IReadOnlyList<string> files, Threads threads, Func<PipelineSettings, PipelineSettings>? configure = null,
        Func<IEnumerable<IRule>>? rules = null, int tickEvery = 0)
    {
        using var dir = new TempDir();
        var settings = new PipelineSettings
        {
            AlertsPath = dir.File("alerts.csv"),
            EventsPath = dir.File("events.csv"),
            FlowsPath = dir.File("flows.csv"),
            MappingsPath = dir.File("mappings.csv"),
            DevicesPath = dir.File("devices.csv"),
        };
        if (configure is not null) settings = configure(settings);
        string? statistics = null, error = null;
        try
        {
            using var pipeline = new AnalyzerPipeline(settings, rules?.Invoke(), judgeOnOwnThread: threads != Threads.One);
            Assert.Equal(threads != Threads.One, pipeline.JudgesOnOwnThread);
            // As BatchAnalyzer runs a capture: the capture ends even when reading it failed.
            foreach (var file in files)
            {
                pipeline.BeginCapture(file);
                try
                {
                    var source = new PcapFileSource(file);
                    IFrameConsumer consumer = tickEvery > 0 ? new Ticking(pipeline, tickEvery) : pipeline;
                    var result = threads == Threads.ReadJudgeOnOwn ? ReadAhead.Run(reader => source.Run(reader), consumer) : source.Run(consumer);
                    Assert.True(result.Succeeded, result.Error);
                }
                finally
                {
                    pipeline.EndCapture();
                }
            }
            pipeline.Finish();
            statistics = JsonSerializer.Serialize(pipeline.Statistics);
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            error = e.GetType().Name + ": " + e.Message;
        }
        return new Outcome(OutputNames.ToDictionary(n => n, n => File.Exists(dir.File(n)) ? File.ReadAllText(dir.File(n)) : "(not written)"), statistics, error);
    }

    private static void AssertSame(Outcome expected, Outcome actual)
    {
        Assert.Equal(expected.Error, actual.Error);
        Assert.Equal(expected.Statistics, actual.Statistics);
        foreach (var name in OutputNames) Assert.True(expected.Files[name] == actual.Files[name], name + " differs");
    }

    private static string[] Samples() =>
        [.. Directory.GetFiles(Repo.Samples).Where(f => f.EndsWith(".pcap") || f.EndsWith(".pcapng")).Order(StringComparer.Ordinal)];

    [Fact]
    public void TheSamplesGiveTheSameOutputsAndStatisticsOnOneTwoOrThreeThreads()
    {
        // Every sample through one pipeline, with the model: rule windows and the model's windows span the captures.
        var model = CommittedModel.Load();
        PipelineSettings WithModel(PipelineSettings s) => s with { Model = model };

        var one = Run(Samples(), Threads.One, WithModel);
        var two = Run(Samples(), Threads.JudgeOnOwn, WithModel);
        var three = Run(Samples(), Threads.ReadJudgeOnOwn, WithModel);

        Assert.Null(one.Error);
        AssertSame(one, two);
        AssertSame(one, three);
        Assert.True(one.Files["alerts.csv"].Split('\n').Length > 100, "the samples raise alerts");
        Assert.Contains("demo-home-attacks.pcap", one.Files["events.csv"]);
    }

    /// <summary>SSDP searches from many hosts and ports, 10 ms apart, one flow each: multicast in the LAN, unicast from outside.</summary>
    private static string ManyFlows(TempDir dir, int flows)
    {
        var search = Encoding.ASCII.GetBytes("M-SEARCH * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nMAN: \"ssdp:discover\"\r\nMX: 1\r\nST: ssdp:all\r\n\r\n");
        var pcap = new PcapBuilder(1);
        long t = 1_700_000_000_000_000;
        for (int i = 0; i < flows; i++)
        {
            bool outside = i % 5 == 0;
            string src = outside ? $"203.0.113.{1 + i % 200}" : $"192.168.{1 + i / 250 % 4}.{1 + i % 250}";
            pcap.Add(Frames.Ethernet(0x0800, Frames.Ipv4(src, outside ? "192.168.1.1" : "239.255.255.250", 17, Frames.Udp((ushort)(20000 + i), 1900, search))), t);
            // A TCP connection attempt beside it: a flow with no UPnP-family message.
            if (i % 3 == 0)
                pcap.Add(Frames.Ethernet(0x0800, Frames.Ipv4(src, "192.168.1.254", 6, Frames.Tcp((ushort)(30000 + i), 80, 1, 0, 0x02, []))), t + 1);
            t += 10_000;
        }
        return pcap.WriteTo(dir.File("many-flows.pcap"));
    }

    [Fact]
    public void AFlowTableAtItsCapEvictsAndWritesTheSameFlowsOnOneOrTwoThreads()
    {
        using var dir = new TempDir();
        string capture = ManyFlows(dir, 4000);
        PipelineSettings SmallTable(PipelineSettings s) => s with { AllFlows = true, FlowLimits = new FlowTableLimits { MaxFlows = 64, UdpIdleTimeoutUs = 5_000_000 } };

        var one = Run([capture], Threads.One, SmallTable);
        var two = Run([capture], Threads.JudgeOnOwn, SmallTable);
        var three = Run([capture], Threads.ReadJudgeOnOwn, SmallTable);

        Assert.Null(one.Error);
        AssertSame(one, two);
        AssertSame(one, three);
        var stats = JsonSerializer.Deserialize<JsonElement>(one.Statistics!);
        Assert.True(stats.GetProperty("FlowsEvicted").GetInt64() > 1000, "the cap is reached");
        Assert.Equal(4000 + 1334, one.Files["flows.csv"].Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1);
    }

    /// <summary>A rule with a bug: it throws on some events, at some time, or on the flows that end with the capture.</summary>
    private sealed class FailingRule(Func<AnalyzerEvent, bool>? onEvent = null, long expireFromUs = long.MaxValue, int failAtFlow = -1)
        : IRule, IFlowRule
    {
        private int _flows;

        public RuleInfo Info { get; } = new("test-failing", AlertCategory.Recon, Severity.Info, "fails");

        public void OnEvent(AnalyzerEvent e, RuleContext context)
        {
            if (onEvent?.Invoke(e) == true) throw new InvalidOperationException("rule failed at frame " + e.Packet.FrameNumber);
        }

        public void Expire(long nowUs, RuleContext context)
        {
            if (nowUs >= expireFromUs && nowUs < long.MaxValue / 2) throw new InvalidOperationException("rule failed expiring at " + nowUs);
        }

        public void OnFlowEnd(FlowRecord flow, RuleContext context)
        {
            if (flow.EndReason == "end_of_capture" && _flows++ == failAtFlow) throw new IOException("flow rule failed on " + flow.OrigIp);
        }
    }

    [Fact]
    public void AJudgingFailureInsideAPacketCostsThatPacketAsOnOneThread()
    {
        using var dir = new TempDir();
        string capture = ManyFlows(dir, 600);
        IEnumerable<IRule> Rules() => [new FailingRule(e => e.Packet.FrameNumber % 7 == 3), .. BuiltInRules.Create()];

        var one = Run([capture], Threads.One, rules: Rules);
        var two = Run([capture], Threads.JudgeOnOwn, rules: Rules);
        var three = Run([capture], Threads.ReadJudgeOnOwn, rules: Rules);

        Assert.Null(one.Error);
        AssertSame(one, two);
        AssertSame(one, three);
        var anomalies = JsonSerializer.Deserialize<JsonElement>(one.Statistics!).GetProperty("AnomaliesById");
        // One per SSDP frame whose number is 3 modulo 7: 85 of the 600 searches.
        Assert.Equal(85, anomalies.GetProperty(AnalyzerPipeline.DecodeExceptionId).GetInt64());
        Assert.True(one.Files["alerts.csv"].Split('\n').Length > 2, "the other rules still alert");
    }

    [Fact]
    public void AFatalJudgingFailureEndsTheRunWithTheSameErrorAndWhatWasJudgedWritten()
    {
        using var dir = new TempDir();
        string capture = ManyFlows(dir, 3000);
        // Rule windows expire outside any packet's guard: a failure there ends the run, while the decoding side may be
        // far ahead of the judging side.
        IEnumerable<IRule> Rules() => [new FailingRule(expireFromUs: 1_700_000_000_000_000 + 20_000_000), .. BuiltInRules.Create()];

        var one = Run([capture], Threads.One, s => s with { AllFlows = true }, Rules, tickEvery: 100);
        var two = Run([capture], Threads.JudgeOnOwn, s => s with { AllFlows = true }, Rules, tickEvery: 100);
        var three = Run([capture], Threads.ReadJudgeOnOwn, s => s with { AllFlows = true }, Rules, tickEvery: 100);

        // Four frames per three searches, 10 ms apart: the clock moves every 750 ms, first at or after 20 s at 20.24 s.
        Assert.Equal("InvalidOperationException: rule failed expiring at 1700000020240000", one.Error);
        AssertSame(one, two);
        AssertSame(one, three);
        int events = one.Files["events.csv"].Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1;
        Assert.Equal(2025, events);
    }

    [Fact]
    public void AWriterLikeFailureAtTheEndOfACaptureEndsTheRunWithTheSameErrorAndOutputs()
    {
        using var dir = new TempDir();
        string capture = ManyFlows(dir, 300);
        IEnumerable<IRule> Rules() => [new FailingRule(failAtFlow: 150), .. BuiltInRules.Create()];

        var one = Run([capture], Threads.One, s => s with { AllFlows = true }, Rules);
        var two = Run([capture], Threads.JudgeOnOwn, s => s with { AllFlows = true }, Rules);

        Assert.StartsWith("IOException: flow rule failed on ", one.Error);
        AssertSame(one, two);
        // The flow log has the flows up to the failing one (written before the rules judge it).
        Assert.Equal(151, one.Files["flows.csv"].Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1);
    }

    [Fact]
    public void AStoppedRunWritesWhatWasReadAsOnOneThread()
    {
        // As Ctrl-C does: the reader stops at its next check (every 1,024 packets) and what was read is judged and written.
        using var dir = new TempDir();
        string capture = ManyFlows(dir, 3000);
        using var stop = new CancellationTokenSource();
        stop.Cancel();

        Dictionary<string, string> Analyze(int jobs)
        {
            var outputs = Directory.CreateDirectory(dir.File("jobs" + jobs)).FullName;
            var settings = new PipelineSettings
            {
                AlertsPath = Path.Combine(outputs, "alerts.csv"),
                EventsPath = Path.Combine(outputs, "events.csv"),
                FlowsPath = Path.Combine(outputs, "flows.csv"),
                AllFlows = true,
            };
            var run = new BatchAnalyzer(settings, jobs).Run([capture], null, stop.Token);
            Assert.Equal(1024, run.Statistics.Packets);
            return Directory.GetFiles(outputs).ToDictionary(f => Path.GetFileName(f)!, File.ReadAllText);
        }

        var one = Analyze(1);
        var three = Analyze(3);

        Assert.Equal(one.Keys.Order(), three.Keys.Order());
        foreach (var (name, text) in one) Assert.True(text == three[name], name + " differs");
        Assert.Equal(768, one["events.csv"].Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1);
    }

    [Fact]
    public void EvidencePcapsKeepTheJudgingOnTheDecodingThread()
    {
        using var dir = new TempDir();
        var settings = new PipelineSettings { AlertsPath = dir.File("alerts.csv"), EvidenceDirectory = dir.File("evidence") };

        using var pipeline = new AnalyzerPipeline(settings, judgeOnOwnThread: true);

        Assert.False(pipeline.JudgesOnOwnThread);
    }

    [Fact]
    public void AFlowCopyHoldsEveryPropertyOfTheFlow()
    {
        // Every settable property gets a value of its own, so a property added to FlowRecord and not copied fails here.
        var flow = new FlowRecord();
        flow.Restart(FlowKey.Of(new PacketInfo { Src = NetAddress.Parse("10.0.0.1"), Dst = NetAddress.Parse("10.0.0.2"), SrcPort = 1, DstPort = 2, Transport = Transport.Tcp }),
            keyHash: 12345, firstUs: 1);
        int n = 0;
        foreach (var p in typeof(FlowRecord).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            n++;
            object value = p.PropertyType switch
            {
                var t when t == typeof(long) => 1000L + n,
                var t when t == typeof(ushort) => (ushort)(100 + n),
                var t when t == typeof(bool) => true,
                var t when t == typeof(string) => "value " + n,
                var t when t == typeof(NetAddress) => NetAddress.Parse("10.9.9." + n),
                var t => throw new InvalidOperationException("a property of a new type: " + p.Name + " " + t.Name),
            };
            p.SetValue(flow, value);
        }
        var copy = new FlowRecord();

        FlowRecordCopy.Into(flow, copy);

        foreach (var p in typeof(FlowRecord).GetProperties(BindingFlags.Public | BindingFlags.Instance))
            Assert.True(Equals(p.GetValue(flow), p.GetValue(copy)), p.Name + " is not copied");
        Assert.Equal(12345, copy.KeyHash);
        Assert.Equal(-1, copy.Slot);
    }
}
