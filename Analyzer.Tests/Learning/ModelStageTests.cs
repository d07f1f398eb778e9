using Analyzer.Capture;
using Analyzer.Decoding;
using Analyzer.Decoding.Link;
using Analyzer.Decoding.NatPmp;
using Analyzer.Events;
using Analyzer.Learning;
using Analyzer.Output;
using Analyzer.Pipeline;
using Analyzer.Rules;
using Analyzer.Tests.Support;

namespace Analyzer.Tests.Learning;

/// <summary>The model inside the pipeline: trained from benign captures, scoring a capture with an attack.</summary>
public sealed class ModelStageTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly string _attackCapture;
    private readonly AnomalyModel _model;

    public ModelStageTests()
    {
        var benign = Enumerable.Range(0, 4)
            .Select(i => new CaptureLabels(LearningCaptures.Write(_dir.File($"benign-{i}.pcap"), false, i * 60_000_000), CaptureLabels.Benign, []))
            .ToList();
        var windows = TrainingCaptures.Extract(benign, new NetworkContext(), FeatureExtractor.DefaultWindowUs);
        _model = AnomalyModelTrainer.Train(windows, new AnomalyTrainerOptions { Rank = 4 }).Model;
        _attackCapture = LearningCaptures.Write(_dir.File("attack.pcap"), true);
    }

    public void Dispose() => _dir.Dispose();

    private sealed class NatPmpRule : IRule
    {
        public RuleInfo Info { get; } = new("test-natpmp", AlertCategory.PortmapAbuse, Severity.High, "every NAT-PMP request");
        public void OnEvent(AnalyzerEvent e, RuleContext context)
        {
            if (e is NatPmpMessage { IsResponse: false }) context.Raise(Info, e.Packet, e.Protocol, "NAT-PMP request");
        }
    }

    private (List<(HostWindow Window, double Score)> Scored, string[] Alerts) Analyze(bool rules)
    {
        var scored = new List<(HostWindow, double)>();
        var settings = new PipelineSettings { AlertsPath = _dir.File("alerts.csv"), RulesEnabled = rules, Model = _model };
        using (var pipeline = new AnalyzerPipeline(settings, rules ? [new NatPmpRule()] : null))
        {
            pipeline.Model!.WindowScored += (w, s) => scored.Add((w, s));
            pipeline.BeginCapture(_attackCapture);
            Assert.True(new PcapFileSource(_attackCapture).Run(pipeline).Succeeded);
            pipeline.EndCapture();
            pipeline.Finish();
        }
        return (scored, File.ReadAllLines(settings.AlertsPath)[1..]);
    }

    [Fact]
    public void FeaturesAreComputedTheSameInTrainingAndScoring()
    {
        var training = TrainingCaptures.Extract([new CaptureLabels(_attackCapture, CaptureLabels.Benign, [])], new NetworkContext(), _model.WindowUs);
        var (scored, _) = Analyze(rules: false);

        Assert.Equal(training.Count, scored.Count);
        foreach (var (w, _) in scored)
        {
            var twin = Assert.Single(training, t => t.Window.Host == w.Host && t.Window.StartUs == w.StartUs);
            Assert.Equal(twin.Window.Features, w.Features);
            Assert.Equal(twin.Window.Raw, w.Raw);
        }
    }

    [Fact]
    public void TheAttackerIsFlaggedAndTheQuietDevicesAreNot()
    {
        var (scored, alerts) = Analyze(rules: false);
        var attacker = NetAddress.Parse(LearningCaptures.Attacker);

        Assert.Contains(scored, s => s.Window.Host == attacker && s.Score >= _model.Threshold);
        for (int d = 0; d < LearningCaptures.Devices; d++)
        {
            var device = NetAddress.Parse(LearningCaptures.Device(d));
            Assert.All(scored.Where(s => s.Window.Host == device), s => Assert.True(s.Score < _model.Threshold, $"{device} scored {s.Score}"));
        }
        var anomaly = Assert.Single(alerts, a => a.Contains($",{ModelStage.RuleId},anomaly,") && a.Contains($",{LearningCaptures.Attacker},"));
        Assert.Contains("natpmp", anomaly);
        Assert.Contains("weighing most: ", anomaly);
        Assert.DoesNotContain(alerts, a => a.Contains($",{LearningCaptures.Device(0)},"));
    }

    [Fact]
    public void RuleAlertsCarryTheHostScoreSoFarAndExplainTheAnomaly()
    {
        var (_, alerts) = Analyze(rules: true);
        var attacker = NetAddress.Parse(LearningCaptures.Attacker);

        var cells = alerts.First(a => a.Contains(",test-natpmp,")).Split(',');
        long frame = long.Parse(cells[13], System.Globalization.CultureInfo.InvariantCulture);
        // The score so far is the score of the attacker's window cut at the alert's packet: the same window read
        // from a capture that ends with that packet.
        string cut = CopyFirstFrames(_attackCapture, _dir.File("cut.pcap"), frame);
        var windows = TrainingCaptures.Extract([new CaptureLabels(cut, CaptureLabels.Benign, [])], new NetworkContext(), _model.WindowUs);
        var soFar = windows.Last(t => t.Window.Host == attacker).Window;
        Assert.Equal(LearningCaptures.AttackStartUs, soFar.FirstEventUs);
        double expected = new AnomalyScorer(_model).Score(soFar.Features);
        Assert.Equal(expected.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture), cells[10]);
        var repeats = alerts.Single(a => a.Contains(",test-natpmp,") && a.Contains("(repeated "));
        Assert.Equal("", repeats.Split(',')[10]);
        Assert.DoesNotContain(alerts, a => a.Contains($",{ModelStage.RuleId},") && a.Contains($",{LearningCaptures.Attacker},"));
    }

    [Fact]
    public void ALiveRuleAlertIsWrittenBeforeTheWindowOfItsHostCloses()
    {
        var settings = new PipelineSettings { AlertsPath = _dir.File("live-alerts.csv"), RulesEnabled = true, Model = _model };
        long? writtenAtUs = null;
        bool attackerScoredThen = true;
        var attacker = NetAddress.Parse(LearningCaptures.Attacker);
        bool attackerScored = false;
        using (var pipeline = new AnalyzerPipeline(settings, [new NatPmpRule()]))
        {
            pipeline.Model!.WindowScored += (w, _) => attackerScored |= w.Host == attacker;
            pipeline.BeginCapture(_attackCapture);
            var watcher = new FrameWatcher(pipeline, timestampUs =>
            {
                if (writtenAtUs is not null || !ReadShared(settings.AlertsPath).Contains(",test-natpmp,")) return;
                writtenAtUs = timestampUs;
                attackerScoredThen = attackerScored;
            });
            Assert.True(new PcapFileSource(_attackCapture).Run(watcher).Succeeded);
            pipeline.Finish();
        }
        // The row is in the file (flushed) right after the packet that raised it, while the attacker's window
        // [10 s, 20 s) of the capture is still open and unscored.
        Assert.Equal(LearningCaptures.AttackStartUs, writtenAtUs);
        Assert.False(attackerScoredThen);
        Assert.True(attackerScored);
    }

    /// <summary>Hands each frame to the pipeline, then reports its time (when the file can be looked at).</summary>
    private sealed class FrameWatcher(IFrameConsumer inner, Action<long> afterFrame) : IFrameConsumer
    {
        public void OnFrame(LinkType linkType, long timestampUs, ReadOnlySpan<byte> frame, int wireLength)
        {
            inner.OnFrame(linkType, timestampUs, frame, wireLength);
            afterFrame(timestampUs);
        }
    }

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return new StreamReader(stream).ReadToEnd();
    }

    /// <summary>The pcap <paramref name="source"/> cut after its frame <paramref name="frames"/> (classic pcap).</summary>
    private static string CopyFirstFrames(string source, string target, long frames)
    {
        byte[] data = File.ReadAllBytes(source);
        int offset = 24;
        for (long i = 0; i < frames; i++)
            offset += 16 + (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(offset + 8, 4));
        File.WriteAllBytes(target, data[..offset]);
        return target;
    }
}
