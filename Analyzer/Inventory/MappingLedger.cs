using Analyzer.Decoding;
using Analyzer.Events;
using Analyzer.Pipeline;
using Analyzer.Rules;
using Analyzer.Rules.Mapping;

namespace Analyzer.Inventory;

/// <summary>
/// The port-mapping ledger: an event observer that pairs every IGD/NAT-PMP/PCP mapping request with its answer
/// (<see cref="MappingCorrelator"/>, the same model the mapping rules use) and writes one row per request, then one
/// row per granted mapping whose lifetime runs out in capture time without renewal or deletion. Rows are written
/// when the outcome is known, so a request may follow a later one by up to the answer timeout.
/// </summary>
public sealed class MappingLedger : IEventSink, ICaptureObserver
{
    /// <summary>Granted mappings watched for expiry; beyond it the one expiring soonest is no longer watched.</summary>
    public const int MaxWatched = 16_384;

    private readonly IMappingSink _sink;
    private readonly MappingCorrelator _correlator = new();
    private readonly long _answerTimeoutUs;
    private readonly Dictionary<MappingIdentity, (MappingRecord Record, long ExpiresUs, string? File)> _live = [];
    /// <summary>No live mapping expires before this (a lower bound: removals leave it alone), so the scan for lapsed
    /// ones runs only when one may have lapsed, not at every event.</summary>
    private long _earliestExpiryUs = long.MaxValue;
    private readonly Action<MappingRecord> _onRecord;
    private long _latestUs = long.MinValue;

    public MappingLedger(IMappingSink sink, RuleThresholds? thresholds = null)
    {
        _sink = sink;
        _answerTimeoutUs = (thresholds ?? new RuleThresholds()).MappingAnswerUs;
        _onRecord = OnRecord;
    }

    private bool _captureStarted;

    /// <summary>The capture being read, written in the <c>file</c> column.</summary>
    public string? CurrentFile { get; private set; }

    /// <summary>
    /// A new capture starts. Time between the end of the previous capture and the start of this one was not watched:
    /// mappings whose lifetime ran out in that gap may have been renewed unseen, so they are dropped, not expired; a
    /// capture that starts earlier than the previous one ended drops them all.
    /// </summary>
    public void BeginCapture(string name)
    {
        CurrentFile = name;
        _captureStarted = true;
    }

    public void OnEvent(AnalyzerEvent e)
    {
        CloseGap(e.Packet.TimestampUs);
        if (e.Packet.TimestampUs > _latestUs)
        {
            _latestUs = e.Packet.TimestampUs;
            ExpireLive(_latestUs);
        }
        _correlator.OnEvent(e, _answerTimeoutUs, _onRecord);
    }

    public void OnAnomaly(DecodeAnomaly anomaly) { }

    /// <summary>Capture (or wall-clock, when live) time advanced: unanswered requests and lapsed mappings are written.</summary>
    public void Advance(long nowUs)
    {
        CloseGap(nowUs);
        _correlator.Expire(nowUs - _answerTimeoutUs, _onRecord);
        ExpireLive(nowUs);
    }

    // Mappings and waiting requests outlive a capture file: the next file may continue the same recording, and
    // BeginCapture decides what the gap between them means.
    public void EndCapture() { }

    /// <summary>End of input: waiting requests are written as unanswered; mappings still live are not expired.</summary>
    public void Finish()
    {
        _correlator.Flush(_onRecord);
        if (_latestUs != long.MinValue) ExpireLive(_latestUs);
    }

    private void CloseGap(long firstUs)
    {
        if (!_captureStarted) return;
        _captureStarted = false;
        // A capture that starts before the last one ended is another timeline: nothing carries over.
        if (firstUs < _latestUs)
        {
            _live.Clear();
            return;
        }
        foreach (var key in _live.Where(kv => kv.Value.ExpiresUs < firstUs).Select(kv => kv.Key).ToList())
            _live.Remove(key);
    }

    private void OnRecord(MappingRecord m)
    {
        _sink.OnRequest(m, CurrentFile);
        var r = m.Request;
        if (m.Outcome.Kind != MappingOutcomeKind.Granted) return;
        var identity = MappingIdentity.Of(r, m.Outcome);
        if (r.Action == MappingAction.DeleteAll)
        {
            foreach (var key in _live.Keys.Where(k => k.Method == r.Method && k.Gateway == r.Gateway
                         && k.Transport == r.Transport && k.Client == r.InternalClient).ToList())
                _live.Remove(key);
            return;
        }
        if (!r.Creates)
        {
            _live.Remove(identity);
            return;
        }
        // A lifetime of 2^32-1 (NAT-PMP/PCP) or a lease of 0 (IGD) never runs out.
        long? lifetime = m.Outcome.Lifetime ?? r.LeaseSeconds;
        if (lifetime is not > 0 || r.IsPermanent || lifetime == uint.MaxValue)
        {
            _live.Remove(identity);
            return;
        }
        long granted = m.Outcome.Response?.TimestampUs ?? r.Packet.TimestampUs;
        if (_live.Count >= MaxWatched && !_live.ContainsKey(identity))
            _live.Remove(_live.MinBy(kv => kv.Value.ExpiresUs).Key);
        long expires = granted + RuleThresholds.Micros(lifetime.Value);
        _live[identity] = (m, expires, CurrentFile);
        _earliestExpiryUs = Math.Min(_earliestExpiryUs, expires);
    }

    private void ExpireLive(long nowUs)
    {
        if (_live.Count == 0 || nowUs < _earliestExpiryUs) return;
        List<KeyValuePair<MappingIdentity, (MappingRecord Record, long ExpiresUs, string? File)>>? lapsed = null;
        long earliestLeft = long.MaxValue;
        foreach (var kv in _live)
        {
            if (kv.Value.ExpiresUs <= nowUs) (lapsed ??= []).Add(kv);
            else earliestLeft = Math.Min(earliestLeft, kv.Value.ExpiresUs);
        }
        _earliestExpiryUs = earliestLeft;
        if (lapsed is null) return;
        foreach (var (identity, (record, expires, file)) in lapsed.OrderBy(kv => kv.Value.ExpiresUs))
        {
            _live.Remove(identity);
            _sink.OnExpiry(record, expires, file);
        }
    }

    /// <summary>
    /// What names one mapping on a gateway: IGD keys mappings by external port and transport; NAT-PMP and PCP by the
    /// internal address, port and transport (RFC 6886 §3.3, RFC 6887 §11.1).
    /// </summary>
    private readonly record struct MappingIdentity(MappingMethod Method, NetAddress Gateway, string Transport, int Port, NetAddress? Client)
    {
        public static MappingIdentity Of(MappingRequest r, MappingOutcome o) => r.Method == MappingMethod.Igd
            ? new(r.Method, r.Gateway, r.Transport, o.ExternalPort ?? r.ExternalPort ?? 0, null)
            : new(r.Method, r.Gateway, r.Transport, r.InternalPort ?? 0, r.InternalClient);
    }
}
