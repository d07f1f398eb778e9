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
/// feed it the same way, through <see cref="IFrameConsumer"/>.
/// </summary>
/// <remarks>
/// It has two sides: this class decodes (frames, fragments, transport, the flow table, TCP reassembly, the protocol
/// analyzers) and hands events, anomalies, finished flows and the clock to the judging side (<see cref="JudgingStage"/>:
/// logs, rules, model, ledger, inventory, alert writers). Both run on the calling thread, or, when asked
/// (<c>judgeOnOwnThread</c>), the judging side runs on a thread of its own (<see cref="JudgingThread"/>) fed in order
/// through a bounded queue, with the same outputs. Evidence pcaps keep one thread: the recorder reads the packets the
/// decoding side keeps at the moment an alert is raised.
/// </remarks>
public sealed class AnalyzerPipeline : IFrameConsumer, IEventSink, IFlowSink, IDisposable
{
    /// <summary>Capture time between two expiry passes over flows, fragments, streams and rule windows.</summary>
    public const long ExpiryIntervalUs = 1_000_000;

    /// <summary>The anomaly a failure inside the analysis of one packet becomes (STYLE.md §4).</summary>
    public const string DecodeExceptionId = "decode.exception";

    private readonly IDatagramAnalyzer[] _datagramAnalyzers;
    private readonly TcpReassembler _reassembler;
    private readonly FragmentReassembler _fragments = new();
    private readonly FlowTable _flows;
    private readonly EvidenceBuffer? _evidence;
    private readonly JudgingStage _stage;
    private readonly JudgingThread? _judgingThread;
    private readonly IJudging _judging;
    private readonly HashSet<LinkType> _unsupportedLinksReported = [];
    private long _nowUs = long.MinValue;
    private long _lastExpiryUs = long.MinValue;
    private long _frameNumber;

    /// <param name="judgeOnOwnThread">
    /// Judge on a thread of its own (same outputs); ignored with evidence pcaps (<see cref="PipelineSettings.EvidenceDirectory"/>).
    /// Observers must then be added before the first capture begins.
    /// </param>
    public AnalyzerPipeline(PipelineSettings settings, IEnumerable<IRule>? rules = null, IAlertSink? extraAlertSink = null,
        bool judgeOnOwnThread = false)
    {
        Settings = settings;
        _datagramAnalyzers = ProtocolAnalyzers.CreateDatagramAnalyzers();
        _reassembler = ProtocolAnalyzers.CreateReassembler();
        _flows = new FlowTable(this, settings.FlowLimits);
        StartupTrace.Mark("decoders built");
        if (settings.AlertsPath is not null && settings.EvidenceDirectory is { } evidenceDir)
        {
            Directory.CreateDirectory(evidenceDir);
            Statistics.Evidence.Enabled = true;
            _evidence = new EvidenceBuffer(settings.EvidenceLimits, Statistics.Evidence);
        }
        _stage = new JudgingStage(settings, Statistics, _evidence, rules, extraAlertSink);
        _judging = judgeOnOwnThread && _evidence is null ? _judgingThread = new JudgingThread(_stage) : new JudgingOnCaller(_stage);
    }

    public PipelineSettings Settings { get; }
    public PipelineStatistics Statistics { get; } = new();
    public RuleEngine? Rules => _stage.Rules;
    public ModelStage? Model => _stage.Model;

    /// <summary>The judging side runs on a thread of its own.</summary>
    public bool JudgesOnOwnThread => _judgingThread is not null;

    /// <summary>Flows in the table now.</summary>
    public int ActiveFlows => _flows.Count;

    /// <summary>Another consumer of events and anomalies (the learning stage, tests).</summary>
    public void AddObserver(IEventSink observer) => _stage.AddObserver(observer);

    /// <summary>Starts a new capture: frame numbers restart at 1 and alerts name this file.</summary>
    public void BeginCapture(string name)
    {
        _judging.ThrowIfFailed();
        Statistics.Files++;
        _frameNumber = 0;
        _evidence?.BeginCapture();
        _judging.BeginCapture(name);
    }

    /// <summary>
    /// Ends a capture: streams and flows of this capture are finished and written, rule windows stay open (a later
    /// capture may continue the same story).
    /// </summary>
    public void EndCapture()
    {
        _judging.ThrowIfFailed();
        long now = _nowUs == long.MinValue ? 0 : _nowUs;
        Guard(() => _reassembler.Finish(now, this));
        _flows.EndAll();
        _fragments.Expire(long.MaxValue / 2);
        _judging.EndCapture();
    }

    public void OnFrame(LinkType linkType, long timestampUs, ReadOnlySpan<byte> frame, int wireLength)
    {
        _judging.ThrowIfFailed();
        _frameNumber++;
        Statistics.Packets++;
        Statistics.Bytes += wireLength;
        // Time never goes backwards for expiry, whatever the capture's timestamps do.
        if (timestampUs > _nowUs) _nowUs = timestampUs;
        // The first packet starts the expiry clock: subtracting the unset mark (long.MinValue) would overflow.
        if (_lastExpiryUs == long.MinValue) _lastExpiryUs = _nowUs;
        else if (_nowUs - _lastExpiryUs >= ExpiryIntervalUs) Tick(_nowUs);
        Exception? failure = null;
        _judging.EnterScope(timestampUs, _frameNumber);
        try
        {
            DecodeFrame(linkType, timestampUs, frame);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            failure = e;
        }
        _judging.ExitScope();
        // The one place exceptions are caught (STYLE.md §4): a decoder bug costs one packet, never the run.
        if (failure is not null) OnAnomaly(ExceptionAnomaly(new PacketInfo { TimestampUs = timestampUs, FrameNumber = _frameNumber }, failure));
    }

    /// <summary>Expires idle state at capture (or wall-clock, when live) time <paramref name="nowUs"/>.</summary>
    public void Tick(long nowUs)
    {
        _judging.ThrowIfFailed();
        _lastExpiryUs = nowUs;
        _flows.Expire(nowUs);
        _fragments.Expire(nowUs);
        Guard(() => _reassembler.Expire(nowUs, this));
        _judging.Advance(nowUs);
    }

    /// <summary>End of all input: everything still open is decoded, judged and written.</summary>
    public void Finish()
    {
        EndCapture();
        _judging.Finish(_nowUs);
        Statistics.FlowsCreated = _flows.Created;
        Statistics.FlowsEvicted = _flows.Evicted;
        _judging.Complete();
        if (_judgingThread is not null)
        {
            foreach (var (id, n) in _judgingThread.Counted.AnomaliesById) PipelineStatistics.Increment(Statistics.AnomaliesById, id, n);
        }
    }

    /// <summary>Writes what the event and flow logs hold.</summary>
    public void Flush()
    {
        _judging.ThrowIfFailed();
        _judging.Flush();
    }

    /// <summary>The anomaly a failure while analyzing <paramref name="packet"/> becomes.</summary>
    internal static DecodeAnomaly ExceptionAnomaly(in PacketInfo packet, Exception e) =>
        new(packet, DecodeExceptionId, e.GetType().Name + ": " + e.Message);

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
        _judging.OnEvent(e);
    }

    public void OnAnomaly(DecodeAnomaly a)
    {
        PipelineStatistics.Increment(Statistics.AnomaliesById, a.Id);
        if (a.Packet.Transport != Transport.Other && _flows.TryGet(a.Packet, out var flow) && flow is not null) flow.Anomalies++;
        _judging.OnAnomaly(a);
    }

    void IFlowSink.OnFlowEnd(FlowRecord flow) => _judging.OnFlowEnd(flow);

    private void Anomaly(in PacketInfo packet, string id, string detail) => OnAnomaly(new DecodeAnomaly(packet, id, detail));

    private void Guard(Action action)
    {
        Exception? failure = null;
        _judging.EnterScope(_nowUs, 0);
        try
        {
            action();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            failure = e;
        }
        _judging.ExitScope();
        if (failure is not null) OnAnomaly(ExceptionAnomaly(new PacketInfo { TimestampUs = _nowUs }, failure));
    }

    /// <summary>Judges what the decoding side handed over, then closes the outputs.</summary>
    public void Dispose()
    {
        _judgingThread?.Dispose();
        _stage.Dispose();
    }
}
