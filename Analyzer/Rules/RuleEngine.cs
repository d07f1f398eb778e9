using Analyzer.Decoding;
using Analyzer.Events;
using Analyzer.Flows;
using Analyzer.Rules.Mapping;

namespace Analyzer.Rules;

/// <summary>
/// Feeds every event and anomaly to every enabled rule and counts what they raise. Before the rules see an event, the
/// network context learns from it (<see cref="NetworkLearner"/>); port-mapping requests and answers are paired once
/// (<see cref="MappingCorrelator"/>) and the completed records go to the rules that judge mappings
/// (<see cref="IMappingRule"/>); finished flows go to the rules that judge flows (<see cref="IFlowRule"/>).
/// </summary>
public sealed class RuleEngine
{
    private readonly IRule[] _rules;
    private readonly IMappingRule[] _mappingRules;
    private readonly IFlowRule[] _flowRules;
    private readonly RuleContext _context;
    private readonly AlertAggregator _aggregator;
    private readonly MappingCorrelator _mappings = new();
    private readonly Action<MappingRecord> _onMapping;

    public RuleEngine(IEnumerable<IRule> rules, NetworkContext network, RuleThresholds thresholds, IAlertSink sink,
        IReadOnlyDictionary<string, RuleSetting>? settings = null)
    {
        settings ??= new Dictionary<string, RuleSetting>();
        _rules = rules.Where(r => !settings.TryGetValue(r.Info.Id, out var s) || s.Enabled).ToArray();
        _mappingRules = _rules.OfType<IMappingRule>().ToArray();
        _flowRules = _rules.OfType<IFlowRule>().ToArray();
        _aggregator = new AlertAggregator(sink, thresholds);
        _context = new RuleContext(network, thresholds, _aggregator, settings);
        _onMapping = OnMapping;
    }

    public IReadOnlyList<IRule> Rules => _rules;

    public RuleContext Context => _context;

    public void OnEvent(AnalyzerEvent e)
    {
        NetworkLearner.Learn(e, _context.Network);
        if (_mappingRules.Length > 0) _mappings.OnEvent(e, _context.Thresholds.MappingAnswerUs, _onMapping);
        foreach (var r in _rules) r.OnEvent(e, _context);
    }

    public void OnAnomaly(DecodeAnomaly a)
    {
        foreach (var r in _rules) r.OnAnomaly(a, _context);
    }

    /// <summary>A flow ended (closed, idle, evicted, or the capture ended): the flow rules judge it.</summary>
    public void OnFlowEnd(FlowRecord flow)
    {
        foreach (var r in _flowRules) r.OnFlowEnd(flow, _context);
    }

    public void Expire(long nowUs)
    {
        _mappings.Expire(nowUs - _context.Thresholds.MappingAnswerUs, _onMapping);
        foreach (var r in _rules) r.Expire(nowUs, _context);
        _aggregator.Expire(nowUs);
    }

    public void Finish(long nowUs)
    {
        _mappings.Flush(_onMapping);
        Expire(long.MaxValue / 2);
        _aggregator.Flush();
    }

    private void OnMapping(MappingRecord record)
    {
        if (record.Request.Malformed) return;
        foreach (var r in _mappingRules) r.OnMapping(record, _context);
    }
}
