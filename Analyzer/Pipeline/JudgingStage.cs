using Analyzer.AlertPackets;
using Analyzer.Events;
using Analyzer.Flows;
using Analyzer.Inventory;
using Analyzer.Learning;
using Analyzer.Output;
using Analyzer.Rules;
using Analyzer.Rules.BuiltIn;

namespace Analyzer.Pipeline;

/// <summary>
/// The judging side of the pipeline: everything after the decoders hand on an event, an anomaly, a finished flow or
/// the clock: the event and flow logs, the rules, the model, the mapping ledger, the device
/// inventory, the published records, the observers and the alert writers. It reads nothing the decoding side
/// changes afterwards, so it may run on a thread of its own (<see cref="JudgingThread"/>, called through <see cref="IJudging"/>) and judge the same calls in
/// the same order as on the decoding thread.
/// </summary>
internal sealed class JudgingStage : IDisposable
{
    private readonly PipelineSettings _settings;
    private readonly RuleEngine? _rules;
    private readonly ModelStage? _model;
    private readonly EventWriter? _eventWriter;
    private readonly FlowWriter? _flowWriter;
    private readonly AlertWriter? _alertWriter;
    private readonly MappingLedger? _ledger;
    private readonly MappingWriter? _mappingWriter;
    private readonly DeviceInventory? _inventory;
    private readonly EvidenceRecorder? _evidenceRecorder;
    private readonly PublishedRecords? _published;
    private readonly List<IEventSink> _observers = [];
    private readonly List<string> _captures = [];
    private string? _currentFile;

    /// <param name="statistics">Where alerts are counted (only this side writes those counters).</param>
    /// <param name="evidence">The packets kept for evidence pcaps (filled by the decoding side), or null.</param>
    public JudgingStage(PipelineSettings settings, PipelineStatistics statistics, EvidenceBuffer? evidence, IEnumerable<IRule>? rules,
        IAlertSink? extraAlertSink)
    {
        _settings = settings;
        var alertSinks = new List<IAlertSink>();
        try
        {
            if (settings.AlertsPath is not null)
            {
                if (evidence is not null)
                {
                    _alertWriter = new AlertWriter(settings.AlertsPath, settings.Format, AlertRecords.WithEvidence);
                    alertSinks.Add(_evidenceRecorder = new EvidenceRecorder(evidence, settings.EvidenceDirectory!, _alertWriter,
                        settings.EvidenceLimits, statistics.Evidence));
                }
                else
                {
                    _alertWriter = new AlertWriter(settings.AlertsPath, settings.Format);
                    alertSinks.Add(_alertWriter);
                }
            }
            if (settings.Publisher is not null) alertSinks.Add(_published = new PublishedRecords(settings.Publisher, settings.PublishEvents));
            if (extraAlertSink is not null) alertSinks.Add(extraAlertSink);
            if (settings.EventsPath is not null) _eventWriter = new EventWriter(settings.EventsPath, settings.Format);
            if (settings.FlowsPath is not null) _flowWriter = new FlowWriter(settings.FlowsPath, settings.AllFlows, settings.Format);
            var mappingSinks = new List<IMappingSink>();
            if (settings.MappingsPath is not null) mappingSinks.Add(_mappingWriter = new MappingWriter(settings.MappingsPath, settings.Format));
            if (_published is not null) mappingSinks.Add(_published);
            if (mappingSinks.Count > 0)
                _observers.Add(_ledger = new MappingLedger(mappingSinks.Count == 1 ? mappingSinks[0] : new MappingFanOut(mappingSinks), settings.Thresholds));
            if (settings.DevicesPath is not null || _published is not null) _observers.Add(_inventory = new DeviceInventory(settings.Network));
        }
        catch
        {
            Dispose();
            throw;
        }
        StartupTrace.Mark("writers opened");
        IAlertSink ruleSink = new AlertFanOut(statistics, alertSinks, settings.MinSeverity);
        if (settings.Model is not null)
        {
            // The model scores rule alerts as they pass (never holding them) and raises its own.
            _model = new ModelStage(settings.Model, settings.Network, settings.Thresholds.AggregationWindowUs, ruleSink);
            ruleSink = _model;
            AddObserver(_model);
        }
        if (settings.RulesEnabled)
            _rules = new RuleEngine(rules ?? BuiltInRules.Create(), settings.Network, settings.Thresholds, ruleSink, settings.RuleSettings);
        StartupTrace.Mark("model stage and rules built");
    }

    public RuleEngine? Rules => _rules;
    public ModelStage? Model => _model;

    public void AddObserver(IEventSink observer) => _observers.Add(observer);

    public void BeginCapture(string name)
    {
        _captures.Add(name);
        _currentFile = name;
        if (_rules is not null) _rules.Context.CurrentFile = name;
        if (_eventWriter is not null) _eventWriter.CurrentFile = name;
        if (_flowWriter is not null) _flowWriter.CurrentFile = name;
        if (_evidenceRecorder is not null) _evidenceRecorder.CurrentFile = name;
        _published?.BeginCapture(name);
        foreach (var o in _observers) (o as ICaptureObserver)?.BeginCapture(name);
    }

    public void OnEvent(AnalyzerEvent e)
    {
        _eventWriter?.Write(e);
        if (_published is { Events: true }) _published.OnEvent(e, _currentFile);
        _rules?.OnEvent(e);
        foreach (var o in _observers) o.OnEvent(e);
    }

    public void OnAnomaly(DecodeAnomaly a)
    {
        _rules?.OnAnomaly(a);
        foreach (var o in _observers) o.OnAnomaly(a);
    }

    public void OnFlowEnd(FlowRecord flow)
    {
        _flowWriter?.OnFlowEnd(flow);
        _rules?.OnFlowEnd(flow);
        _model?.PassUnjudged();
    }

    public void Advance(long nowUs)
    {
        _rules?.Expire(nowUs);
        foreach (var o in _observers) (o as ICaptureObserver)?.Advance(nowUs);
    }

    public void EndCapture()
    {
        foreach (var o in _observers) (o as ICaptureObserver)?.EndCapture();
        Flush();
    }

    public void Finish(long nowUs)
    {
        _rules?.Finish(nowUs);
        _model?.PassUnjudged();
        _ledger?.Finish();
        if (_inventory is not null)
        {
            if (_settings.DevicesPath is not null) DeviceWriter.Write(_settings.DevicesPath, _inventory, string.Join("; ", _captures), _settings.Format);
            _published?.OnDevices(_inventory, string.Join("; ", _captures));
        }
        Flush();
    }

    public void Flush()
    {
        _eventWriter?.Flush();
        _flowWriter?.Flush();
    }

    public void Dispose()
    {
        _eventWriter?.Dispose();
        _flowWriter?.Dispose();
        _alertWriter?.Dispose();
        _mappingWriter?.Dispose();
    }
}
