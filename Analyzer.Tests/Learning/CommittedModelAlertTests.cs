using Analyzer.Capture;
using Analyzer.Decoding;
using Analyzer.Learning;
using Analyzer.Output;
using Analyzer.Pipeline;
using Analyzer.Tests.Conformance;
using Analyzer.Tests.Support;

namespace Analyzer.Tests.Learning;

/// <summary>
/// The committed model, as <c>analyze</c> runs it: no anomaly alert on ordinary traffic (the benign samples and the
/// real captures of the conformance corpus), and the attacks it is there for still score at or above its threshold.
/// </summary>
public class CommittedModelAlertTests
{
    private sealed class AlertList : IAlertSink
    {
        public List<Alert> Alerts { get; } = [];
        public void OnAlert(Alert alert) => Alerts.Add(alert);
    }

    private static (List<Alert> Alerts, List<(HostWindow Window, double Score)> Scored) Analyze(string path, bool rules)
    {
        var alerts = new AlertList();
        var scored = new List<(HostWindow, double)>();
        var settings = new PipelineSettings { AlertsPath = null, RulesEnabled = rules, Model = CommittedModel.Load() };
        using (var pipeline = new AnalyzerPipeline(settings, extraAlertSink: alerts))
        {
            pipeline.Model!.WindowScored += (w, s) => scored.Add((w, s));
            pipeline.BeginCapture(path);
            Assert.True(new PcapFileSource(path).Run(pipeline).Succeeded, path);
            pipeline.EndCapture();
            pipeline.Finish();
        }
        return (alerts.Alerts, scored);
    }

    private static void AssertNoAnomalyAlert(string path, bool rules = true)
    {
        var (alerts, _) = Analyze(path, rules);
        var anomalies = alerts.Where(a => a.Category == AlertCategory.Anomaly).ToList();
        Assert.True(anomalies.Count == 0, $"{path}: " + string.Join(" | ", anomalies.Select(a => a.Summary)));
    }

    [Theory]
    [MemberData(nameof(CommittedModel.BenignSamples), MemberType = typeof(CommittedModel))]
    public void ABenignSampleCaptureRaisesNoAnomalyAlert(string capture) =>
        AssertNoAnomalyAlert(Path.Combine(Repo.Samples, capture));

    [SkippableTheory]
    [MemberData(nameof(ConformanceCorpus.Captures), MemberType = typeof(ConformanceCorpus))]
    public void AConformanceCaptureRaisesNoAnomalyAlert(string capture)
    {
        Skip.If(capture == ConformanceCorpus.AbsentMarker, ConformanceCorpus.AbsentReason);
        AssertNoAnomalyAlert(ConformanceCorpus.CapturePath(capture));
        AssertNoAnomalyAlert(ConformanceCorpus.CapturePath(capture), rules: false);
    }

    /// <summary>
    /// Attackers whose behaviour the model flags on its own (as <c>--no-rules</c> runs it): at least one of their
    /// windows scores at or above the threshold.
    /// </summary>
    public static TheoryData<string, string> FlaggedAttackers() => new()
    {
        { "enumeration-sweep.pcap", "192.168.0.111" },          // GetGeneric/GetSpecificPortMappingEntry sweep
        { "mapping-flood.pcap", "192.168.0.88" },               // 40 AddPortMapping in under a minute
        { "eternalsilence-smb-mapping.pcapng", "203.0.113.103" }, // SMB mappings for many LAN hosts from the WAN
        { "pcp-third-party.pcap", "10.0.0.56" },                // PCP THIRD_PARTY mappings for other hosts
        { "ssdp-reflection-trigger.pcapng", "192.0.2.224" },    // spoofed unicast M-SEARCH flood
        { "callstranger.pcap", "192.168.1.209" },               // SUBSCRIBE with foreign callbacks
        { "demo-home-attacks.pcap", "192.168.178.134" },        // the same, inside the mixed demo capture
        { "soap-xxe-doctype.pcap", "192.168.178.8" },           // DOCTYPE in SOAP mapping requests
    };

    [Theory]
    [MemberData(nameof(FlaggedAttackers))]
    public void TheAttackerScoresAtOrAboveTheThreshold(string capture, string attacker)
    {
        var host = NetAddress.Parse(attacker);
        var (alerts, scored) = Analyze(Path.Combine(Repo.Samples, capture), rules: false);
        double best = scored.Where(s => s.Window.Host == host).Select(s => s.Score).DefaultIfEmpty(0).Max();
        double threshold = CommittedModel.Load().Threshold;

        Assert.True(best >= threshold, $"{attacker} in {capture}: best score {best}, threshold {threshold}");
        Assert.Contains(alerts, a => a.Rule == ModelStage.RuleId && a.Src == host);
    }

    [Fact]
    public void TheAnomalyAlertSaysWhatTheModelThinksHappenedAndWhichFeaturesWeighMostInWords()
    {
        var (alerts, _) = Analyze(Path.Combine(Repo.Samples, "pcp-third-party.pcap"), rules: false);
        var alert = Assert.Single(alerts, a => a.Rule == ModelStage.RuleId && a.Src == NetAddress.Parse("10.0.0.56"));
        Assert.Contains("it looks most like port-mapping abuse (portmap-abuse, probability ", alert.Summary);
        Assert.Contains("; weighing most: ", alert.Summary);
        Assert.Contains("PCP requests for another host (THIRD_PARTY option, or client address not the sender) ", alert.Summary);
    }
}
