using Analyzer.Decoding;
using Analyzer.Events;
using Analyzer.Output;

namespace Analyzer.Rules;

/// <summary>Feeds every event and anomaly to every enabled rule and counts what they raise.</summary>
public sealed class RuleEngine
{
    private readonly IRule[] _rules;
    private readonly RuleContext _context;
    private readonly AlertAggregator _aggregator;

    public RuleEngine(IEnumerable<IRule> rules, NetworkContext network, RuleThresholds thresholds, IAlertSink sink,
        IReadOnlyDictionary<string, RuleSetting>? settings = null)
    {
        settings ??= new Dictionary<string, RuleSetting>();
        _rules = rules.Where(r => !settings.TryGetValue(r.Info.Id, out var s) || s.Enabled).ToArray();
        _aggregator = new AlertAggregator(sink, thresholds);
        _context = new RuleContext(network, thresholds, _aggregator, settings);
    }

    public IReadOnlyList<IRule> Rules => _rules;

    public RuleContext Context => _context;

    public void OnEvent(AnalyzerEvent e)
    {
        foreach (var r in _rules) r.OnEvent(e, _context);
    }

    public void OnAnomaly(DecodeAnomaly a)
    {
        foreach (var r in _rules) r.OnAnomaly(a, _context);
    }

    public void Expire(long nowUs)
    {
        foreach (var r in _rules) r.Expire(nowUs, _context);
        _aggregator.Expire(nowUs);
    }

    public void Finish(long nowUs)
    {
        Expire(long.MaxValue / 2);
        _aggregator.Flush();
    }
}
