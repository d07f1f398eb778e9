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
/// it), and fills the score of rule alerts: an alert is held until the window of its source (or, without one, its
/// destination) closes, then passed on with that window's score. One instance on the pipeline thread.
/// </summary>
public sealed class ModelStage : IEventSink, ICaptureObserver, IAlertSink
{
    public const string RuleId = "ml-anomaly";
    /// <summary>Rule alerts held at once waiting for their window; beyond it they pass on unscored.</summary>
    public const int MaxPendingAlerts = 10_000;
    /// <summary>Scores of closed windows remembered for late (aggregated) rule alerts.</summary>
    public const int MaxRecentScores = 65_536;
    /// <summary>Hosts whose last rule alert time is remembered (to tell explained windows).</summary>
    public const int MaxAlertedHosts = 65_536;
    /// <summary>Features named in an anomaly alert's summary.</summary>
    public const int ExplainedFeatures = 3;

    private readonly record struct WindowKey(NetAddress Host, long Index);

    private readonly AnomalyScorer _scorer;
    private readonly FeatureExtractor _extractor;
    private readonly IAlertSink _output;
    private readonly long _explainedForUs;
    private readonly Dictionary<WindowKey, List<Alert>> _pending = [];
    private readonly Queue<WindowKey> _pendingOrder = new();
    private int _pendingCount;
    private readonly Dictionary<WindowKey, double> _recent = [];
    private readonly Queue<WindowKey> _recentOrder = new();
    private readonly Dictionary<NetAddress, long> _lastRuleAlertUs = [];

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
    public long UnscoredAlerts { get; private set; }

    /// <summary>Every scored window and its score, for tests and tools.</summary>
    public event Action<HostWindow, double>? WindowScored;

    public void OnEvent(AnalyzerEvent e) => _extractor.OnEvent(e);
    public void OnAnomaly(DecodeAnomaly a) => _extractor.OnAnomaly(a);
    public void BeginCapture(string name) => _extractor.BeginCapture(name);

    public void Advance(long nowUs)
    {
        _extractor.Advance(nowUs);
        // Alerts whose host had no window (no event of its own) go on unscored once their window is over.
        while (_pendingOrder.TryPeek(out var key) && (key.Index + 1) * _extractor.WindowUs + FeatureExtractor.CloseGraceUs <= nowUs)
            Release(_pendingOrder.Dequeue(), null);
    }

    public void EndCapture()
    {
        _extractor.EndCapture();
        while (_pendingOrder.TryDequeue(out var key)) Release(key, null);
    }

    /// <summary>A rule alert: remembered as explaining its hosts, then scored now or held for its window.</summary>
    public void OnAlert(Alert alert)
    {
        NoteRuleAlert(alert.Src, alert.TimestampUs);
        NoteRuleAlert(alert.Dst, alert.TimestampUs);
        var host = !NetworkContext.IsSpecial(alert.Src) ? alert.Src : alert.Dst;
        if (NetworkContext.IsSpecial(host))
        {
            Pass(alert, null);
            return;
        }
        var key = new WindowKey(host, _extractor.IndexOf(alert.TimestampUs));
        if (_recent.TryGetValue(key, out double score))
        {
            Pass(alert, score);
        }
        else if (_pendingCount < MaxPendingAlerts)
        {
            if (!_pending.TryGetValue(key, out var list))
            {
                _pending[key] = list = [];
                _pendingOrder.Enqueue(key);
            }
            list.Add(alert);
            _pendingCount++;
        }
        else
        {
            Pass(alert, null);
        }
    }

    private void OnWindow(HostWindow w)
    {
        double score = _scorer.Score(w.Features);
        WindowsScored++;
        WindowScored?.Invoke(w, score);
        var key = new WindowKey(w.Host, _extractor.IndexOf(w.StartUs));
        Remember(key, score);
        Release(key, score);
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

    private void Remember(WindowKey key, double score)
    {
        if (_recent.Count >= MaxRecentScores && _recentOrder.TryDequeue(out var oldest)) _recent.Remove(oldest);
        if (_recent.TryAdd(key, score)) _recentOrder.Enqueue(key);
        else _recent[key] = score;
    }

    private void Release(WindowKey key, double? score)
    {
        if (!_pending.Remove(key, out var alerts)) return;
        _pendingCount -= alerts.Count;
        foreach (var alert in alerts) Pass(alert, score);
    }

    private void Pass(Alert alert, double? score)
    {
        if (score is null) UnscoredAlerts++;
        _output.OnAlert(score is null ? alert : alert with { Score = score });
    }
}
