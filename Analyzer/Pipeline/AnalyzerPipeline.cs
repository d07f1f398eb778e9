using Analyzer.Capture;
using Analyzer.Decoding;
using Analyzer.Decoding.Ip;
using Analyzer.Decoding.Link;
using Analyzer.Events;
using Analyzer.AlertPackets;
using Analyzer.Flows;
using Analyzer.Inventory;
using Analyzer.Learning;
using Analyzer.Output;
using Analyzer.Reassembly;
using Analyzer.Rules;
using Analyzer.Rules.BuiltIn;

namespace Analyzer.Pipeline;

/// <summary>
/// Wires the stages: frames → link/IP decoding (fragments rebuilt) → UDP analyzers, or TCP reassembly and the TCP analyzers →
/// events → flows, rules and the event log → alerts. It holds no protocol logic. Offline files and live capture
/// feed it the same way, through <see cref="IFrameConsumer"/>. One instance runs on one thread.
/// </summary>
public sealed class AnalyzerPipeline : IFrameConsumer, IEventSink, IFlowSink, IDisposable
{
    /// <summary>Capture time between two expiry passes over flows, fragments, streams and rule windows.</summary>
    public const long ExpiryIntervalUs = 1_000_000;

    private readonly IDatagramAnalyzer[] _datagramAnalyzers;
    private readonly TcpReassembler _reassembler;
    private readonly FragmentReassembler _fragments = new();
    private readonly FlowTable _flows;
    private readonly RuleEngine? _rules;
    private readonly ModelStage? _model;
    private readonly EventWriter? _eventWriter;
    private readonly FlowWriter? _flowWriter;
    private readonly AlertWriter? _alertWriter;
    private readonly MappingLedger? _ledger;
    private readonly MappingWriter? _mappingWriter;
    private readonly DeviceInventory? _inventory;
    private readonly EvidenceBuffer? _evidence;
    private readonly EvidenceRecorder? _evidenceRecorder;
    private readonly PublishedRecords? _published;
    private readonly List<IEventSink> _eventObservers = [];
    private readonly HashSet<LinkType> _unsupportedLinksReported = [];
    private long _nowUs = long.MinValue;
    private long _lastExpiryUs = long.MinValue;
    private long _frameNumber;
    private readonly List<string> _captures = [];
    private string? _currentFile;

    public AnalyzerPipeline(PipelineSettings settings, IEnumerable<IRule>? rules = null, IAlertSink? extraAlertSink = null)
    {
        Settings = settings;
        _datagramAnalyzers = ProtocolAnalyzers.CreateDatagramAnalyzers();
        _reassembler = ProtocolAnalyzers.CreateReassembler();
        _flows = new FlowTable(this, settings.FlowLimits);
        StartupTrace.Mark("decoders built");
        var alertSinks = new List<IAlertSink>();
        try
        {
            if (settings.AlertsPath is not null)
            {
                if (settings.EvidenceDirectory is { } evidenceDir)
                {
                    Directory.CreateDirectory(evidenceDir);
                    Statistics.Evidence.Enabled = true;
                    _evidence = new EvidenceBuffer(settings.EvidenceLimits, Statistics.Evidence);
                    _alertWriter = new AlertWriter(settings.AlertsPath, settings.Format, AlertRecords.WithEvidence);
                    alertSinks.Add(_evidenceRecorder = new EvidenceRecorder(_evidence, evidenceDir, _alertWriter, settings.EvidenceLimits, Statistics.Evidence));
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
                _eventObservers.Add(_ledger = new MappingLedger(mappingSinks.Count == 1 ? mappingSinks[0] : new MappingFanOut(mappingSinks), settings.Thresholds));
            if (settings.DevicesPath is not null || _published is not null) _eventObservers.Add(_inventory = new DeviceInventory(settings.Network));
        }
        catch
        {
            Dispose();
            throw;
        }
        StartupTrace.Mark("writers opened");
        IAlertSink ruleSink = new AlertFanOut(Statistics, alertSinks, settings.MinSeverity);
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

    public PipelineSettings Settings { get; }
    public PipelineStatistics Statistics { get; } = new();
    public RuleEngine? Rules => _rules;
    public ModelStage? Model => _model;

    /// <summary>Flows in the table now.</summary>
    public int ActiveFlows => _flows.Count;

    /// <summary>Another consumer of events and anomalies (the learning stage, tests).</summary>
    public void AddObserver(IEventSink observer) => _eventObservers.Add(observer);

    /// <summary>Starts a new capture: frame numbers restart at 1 and alerts name this file.</summary>
    public void BeginCapture(string name)
    {
        Statistics.Files++;
        _frameNumber = 0;
        _captures.Add(name);
        _currentFile = name;
        if (_rules is not null) _rules.Context.CurrentFile = name;
        if (_eventWriter is not null) _eventWriter.CurrentFile = name;
        if (_flowWriter is not null) _flowWriter.CurrentFile = name;
        _evidence?.BeginCapture();
        if (_evidenceRecorder is not null) _evidenceRecorder.CurrentFile = name;
        _published?.BeginCapture(name);
        foreach (var o in _eventObservers) (o as ICaptureObserver)?.BeginCapture(name);
    }

    /// <summary>
    /// Ends a capture: streams and flows of this capture are finished and written, rule windows stay open (a later
    /// capture may continue the same story).
    /// </summary>
    public void EndCapture()
    {
        long now = _nowUs == long.MinValue ? 0 : _nowUs;
        Guard(() => _reassembler.Finish(now, this));
        _flows.EndAll();
        _fragments.Expire(long.MaxValue / 2);
        foreach (var o in _eventObservers) (o as ICaptureObserver)?.EndCapture();
        Flush();
    }

    public void OnFrame(LinkType linkType, long timestampUs, ReadOnlySpan<byte> frame, int wireLength)
    {
        _frameNumber++;
        Statistics.Packets++;
        Statistics.Bytes += wireLength;
        // Time never goes backwards for expiry, whatever the capture's timestamps do.
        if (timestampUs > _nowUs) _nowUs = timestampUs;
        if (_nowUs - _lastExpiryUs >= ExpiryIntervalUs) Tick(_nowUs);
        try
        {
            DecodeFrame(linkType, timestampUs, frame);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The one place exceptions are caught (STYLE.md §4): a decoder bug costs one packet, never the run.
            Anomaly(new PacketInfo { TimestampUs = timestampUs, FrameNumber = _frameNumber }, "decode.exception", e.GetType().Name + ": " + e.Message);
        }
    }

    /// <summary>Expires idle state at capture (or wall-clock, when live) time <paramref name="nowUs"/>.</summary>
    public void Tick(long nowUs)
    {
        _lastExpiryUs = nowUs;
        _flows.Expire(nowUs);
        _fragments.Expire(nowUs);
        Guard(() => _reassembler.Expire(nowUs, this));
        _rules?.Expire(nowUs);
        foreach (var o in _eventObservers) (o as ICaptureObserver)?.Advance(nowUs);
    }

    /// <summary>End of all input: everything still open is decoded, judged and written.</summary>
    public void Finish()
    {
        EndCapture();
        _rules?.Finish(_nowUs);
        _model?.PassUnjudged();
        _ledger?.Finish();
        if (_inventory is not null)
        {
            if (Settings.DevicesPath is not null) DeviceWriter.Write(Settings.DevicesPath, _inventory, string.Join("; ", _captures), Settings.Format);
            _published?.OnDevices(_inventory, string.Join("; ", _captures));
        }
        Statistics.FlowsCreated = _flows.Created;
        Statistics.FlowsEvicted = _flows.Evicted;
        Flush();
    }

    public void Flush()
    {
        _eventWriter?.Flush();
        _flowWriter?.Flush();
    }

    private void DecodeFrame(LinkType linkType, long timestampUs, ReadOnlySpan<byte> frame)
    {
        var result = FrameDecoder.Decode(linkType, frame, out var ip, out var anomalyId);
        switch (result)
        {
            case FrameResult.NotIp:
                Statistics.NonIpFrames++;
                return;
            case FrameResult.UnsupportedLink:
                Statistics.UnsupportedLinkFrames++;
                if (_unsupportedLinksReported.Add(linkType))
                    Anomaly(new PacketInfo { TimestampUs = timestampUs, FrameNumber = _frameNumber }, LinkAnomalyIds.UnsupportedType, "link type " + (int)linkType);
                return;
            case FrameResult.Malformed:
                Anomaly(new PacketInfo { TimestampUs = timestampUs, FrameNumber = _frameNumber }, anomalyId!, "");
                return;
        }

        var transportBytes = ip.Payload;
        if (ip.IsFragment)
        {
            Statistics.Fragments++;
            var whole = _fragments.Add(ip, timestampUs, out var fragAnomaly);
            if (fragAnomaly is not null)
                Anomaly(new PacketInfo { TimestampUs = timestampUs, Src = ip.Src, Dst = ip.Dst, FrameNumber = _frameNumber }, fragAnomaly, "");
            if (whole is null) return;
            Statistics.Reassembled++;
            transportBytes = whole;
        }

        switch (TransportDecoder.Decode(ip, transportBytes, timestampUs, _frameNumber, out var info, out var payload, out var transportAnomaly))
        {
            case TransportKind.Malformed:
                Anomaly(info, transportAnomaly!, "");
                return;
            case TransportKind.Udp:
                _flows.Track(info, frame.Length);
                _evidence?.Keep(info, linkType, frame);
                foreach (var analyzer in _datagramAnalyzers)
                    if (analyzer.Wants(info, payload)) analyzer.OnDatagram(info, payload, this);
                return;
            case TransportKind.Tcp:
                _flows.Track(info, frame.Length);
                _evidence?.Keep(info, linkType, frame);
                _reassembler.OnSegment(info, payload, this);
                return;
        }
    }

    public void OnEvent(AnalyzerEvent e)
    {
        PipelineStatistics.Increment(Statistics.MessagesByProtocol, e.Protocol);
        if (_flows.TryGet(e.Packet, out var flow) && flow is not null)
        {
            flow.Messages++;
            flow.AddProtocol(e.Protocol);
        }
        _eventWriter?.Write(e);
        if (_published is { Events: true }) _published.OnEvent(e, _currentFile);
        _rules?.OnEvent(e);
        foreach (var o in _eventObservers) o.OnEvent(e);
    }

    public void OnAnomaly(DecodeAnomaly a)
    {
        PipelineStatistics.Increment(Statistics.AnomaliesById, a.Id);
        if (a.Packet.Transport != Transport.Other && _flows.TryGet(a.Packet, out var flow) && flow is not null) flow.Anomalies++;
        _rules?.OnAnomaly(a);
        foreach (var o in _eventObservers) o.OnAnomaly(a);
    }

    void IFlowSink.OnFlowEnd(FlowRecord flow)
    {
        _flowWriter?.OnFlowEnd(flow);
        _rules?.OnFlowEnd(flow);
        _model?.PassUnjudged();
    }

    private void Anomaly(in PacketInfo packet, string id, string detail) => OnAnomaly(new DecodeAnomaly(packet, id, detail));

    private void Guard(Action action)
    {
        try
        {
            action();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Anomaly(new PacketInfo { TimestampUs = _nowUs }, "decode.exception", e.GetType().Name + ": " + e.Message);
        }
    }

    public void Dispose()
    {
        _eventWriter?.Dispose();
        _flowWriter?.Dispose();
        _alertWriter?.Dispose();
        _mappingWriter?.Dispose();
    }
}
