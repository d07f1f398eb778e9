using System.Globalization;
using Analyzer.Decoding;
using Analyzer.Events;
using Analyzer.Pipeline;
using Analyzer.Rules;

namespace Analyzer.Learning;

/// <summary>
/// The model in the pipeline. It extracts host windows from the events (the same <see cref="FeatureExtractor"/> as
/// training), scores each as it closes, raises an <c>anomaly</c> alert for a window at or above the threshold that
/// no rule explains (no rule alert named the host in that window or within the rules' aggregation window before
/// it), and fills the score of rule alerts without holding them: a rule alert goes on at once with its host's score
/// so far (see <see cref="OnAlert"/>). One instance on the pipeline thread.
/// </summary>
public sealed class ModelStage : IEventSink, ICaptureObserver, IAlertSink
{
    public const string RuleId = "ml-anomaly";
    /// <summary>Hosts whose last rule alert time is remembered (to tell explained windows).</summary>
    public const int MaxAlertedHosts = 65_536;
    /// <summary>Features named in an anomaly alert's summary.</summary>
    public const int ExplainedFeatures = 3;

    private readonly AnomalyScorer _scorer;
    private readonly FeatureExtractor _extractor;
    private readonly IAlertSink _output;
    private readonly long _explainedForUs;
    private readonly Dictionary<NetAddress, long> _lastRuleAlertUs = [];
    private readonly double[] _rawSoFar = new double[HostWindowFeatures.Count];
    private readonly float[] _featuresSoFar = new float[HostWindowFeatures.Count];
    /// <summary>Rule alerts raised while the rules judged the event or anomaly the model sees next (the rules see
    /// each one first): scored with it, then passed on before that call returns.</summary>
    private readonly List<Alert> _judged = [];

    /// <param name="explainedForUs">How long a rule alert on a host explains its later windows (the rules'
    /// aggregation window, during which repeats are folded into one row).</param>
    /// <param name="output">Where alerts go on (the writers).</param>
    public ModelStage(AnomalyModel model, NetworkContext network, long explainedForUs, IAlertSink output)
    {
        _scorer = new AnomalyScorer(model);
        _extractor = new FeatureExtractor(network, model.WindowUs, OnWindow);
        _output = output;
        _explainedForUs = explainedForUs;
    }

    public long WindowsScored { get; private set; }
    public long AnomaliesRaised { get; private set; }
    /// <summary>Rule alerts passed on with an empty score (see <see cref="OnAlert"/>).</summary>
    public long UnscoredAlerts { get; private set; }

    /// <summary>Every scored window and its score, for tests and tools.</summary>
    public event Action<HostWindow, double>? WindowScored;

    public void OnEvent(AnalyzerEvent e)
    {
        _extractor.OnEvent(e);
        PassJudged(e.Packet);
    }

    public void OnAnomaly(DecodeAnomaly a)
    {
        _extractor.OnAnomaly(a);
        PassJudged(a.Packet);
    }

    public void BeginCapture(string name) => _extractor.BeginCapture(name);

    public void Advance(long nowUs)
    {
        PassUnjudged();
        _extractor.Advance(nowUs);
    }

    public void EndCapture()
    {
        PassUnjudged();
        _extractor.EndCapture();
    }

    /// <summary>
    /// A rule alert: remembered as explaining its hosts, then passed on at once, never held for a window to close.
    /// Its score is the <b>host's score so far</b>: the score of the open window of its source (of its destination
    /// when the source is special) computed from the events that window has seen up to and including the alert's
    /// packet. The rules see a packet before the model, so an alert raised while they judge it waits only until
    /// the model has counted that same packet (<see cref="OnEvent"/>, within the same call of the pipeline). The
    /// score is empty for an alert not raised by a packet (a rule's timer, a flow's end, the end of the input), for
    /// a row that folds repeats (written when its aggregation window closes), when the host has no open window,
    /// and when both hosts are special: what a live link and a capture file do at different moments never goes
    /// into a score, so the same packets give the same rows read from a file or sniffed live.
    /// </summary>
    public void OnAlert(Alert alert)
    {
        NoteRuleAlert(alert.Src, alert.TimestampUs);
        NoteRuleAlert(alert.Dst, alert.TimestampUs);
        if (alert.FoldsRepeats) Pass(alert, null);
        else _judged.Add(alert);
    }

    /// <summary>Passes on, unscored, alerts raised outside the judging of a packet (a flow's end, the rules' end).</summary>
    public void PassUnjudged()
    {
        foreach (var alert in _judged) Pass(alert, null);
        _judged.Clear();
    }

    private void PassJudged(in PacketInfo packet)
    {
        if (_judged.Count == 0) return;
        foreach (var alert in _judged)
            Pass(alert, alert.Frame == packet.FrameNumber && alert.TimestampUs == packet.TimestampUs ? ScoreSoFar(alert) : null);
        _judged.Clear();
    }

    private double? ScoreSoFar(Alert alert)
    {
        var host = !NetworkContext.IsSpecial(alert.Src) ? alert.Src : alert.Dst;
        if (NetworkContext.IsSpecial(host)
            || !_extractor.FeaturesSoFar(host, _extractor.IndexOf(alert.TimestampUs), _rawSoFar, _featuresSoFar)) return null;
        return _scorer.Score(_featuresSoFar);
    }

    private void Pass(Alert alert, double? score)
    {
        if (score is null) UnscoredAlerts++;
        _output.OnAlert(score is null ? alert : alert with { Score = score });
    }

    private void OnWindow(HostWindow w)
    {
        double score = _scorer.Score(w.Features);
        WindowsScored++;
        WindowScored?.Invoke(w, score);
        if (score >= _scorer.Threshold && !Explained(w)) Raise(w, score);
    }

    private bool Explained(HostWindow w) =>
        _lastRuleAlertUs.TryGetValue(w.Host, out long last) && last >= w.StartUs - _explainedForUs;

    private void Raise(HostWindow w, double score)
    {
        AnomaliesRaised++;
        double threshold = _scorer.Threshold;
        var inv = CultureInfo.InvariantCulture;
        string weights = string.Join("; ", _scorer.Explain(w.Raw, ExplainedFeatures).Select(c => Describe(c, inv)));
        string likely = _scorer.LikelyCategory is { } likelyCategory
            ? string.Create(inv, $"it looks most like {CategoryWords.Describe(likelyCategory.Category)} ({likelyCategory.Category}, probability {likelyCategory.Probability:0.00}; not benign {_scorer.AttackProbability:0.00})")
            : "no category model to name what it looks like";
        _output.OnAlert(new Alert
        {
            TimestampUs = w.FirstEventUs,
            Rule = RuleId,
            Category = AlertCategory.Anomaly,
            Severity = score >= 2 * threshold ? Severity.Medium : Severity.Low,
            Src = w.Host,
            Protocol = w.Protocol,
            Summary = string.Create(inv,
                $"{w.Host} behaved unlike the benign traffic the model learned, in the {(w.EndUs - w.StartUs) / 1e6:0.#} s from {Timestamp.Format(w.StartUs)} (score {score:0.###}, threshold {threshold:0.###}); {likely}; weighing most: {weights}"),
            Score = score,
            File = w.Capture,
            Frame = w.FirstFrame,
        });
    }

    /// <summary>A feature's part in words: what it counts, the window's value and the usual one.</summary>
    private static string Describe(FeatureContribution c, CultureInfo inv)
    {
        var definition = HostWindowFeatures.All[HostWindowFeatures.IndexOf(c.Name)];
        return string.Create(inv, $"{definition.Description} {c.RawValue:0.##} (usual {c.Usual:0.##})");
    }

    private void NoteRuleAlert(NetAddress host, long timestampUs)
    {
        if (NetworkContext.IsSpecial(host)) return;
        if (_lastRuleAlertUs.Count >= MaxAlertedHosts && !_lastRuleAlertUs.ContainsKey(host)) _lastRuleAlertUs.Clear();
        _lastRuleAlertUs[host] = Math.Max(timestampUs, _lastRuleAlertUs.GetValueOrDefault(host, long.MinValue));
    }
}
