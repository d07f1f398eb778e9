using Analyzer.Decoding;
using Analyzer.Decoding.NatPmp;
using Analyzer.Decoding.Ssdp;
using Analyzer.Events;
using Analyzer.Output;
using Analyzer.Rules;

namespace Analyzer.Tests.Rules.Support;

/// <summary>
/// Runs datagrams through the real SSDP and NAT-PMP/PCP decoders into a rule engine (all built-in rules unless told
/// otherwise) and keeps every alert, so a test states traffic and expects alerts without a capture file.
/// Time starts at <see cref="Start"/> and only moves when the test moves it.
/// </summary>
public sealed class RuleHarness : IEventSink, IAlertSink
{
    public const long Start = 1_700_000_000_000_000;

    private readonly SsdpAnalyzer _ssdp = new();
    private readonly NatPmpAnalyzer _natPmp = new();

    public RuleHarness(IEnumerable<IRule>? rules = null, NetworkContext? network = null, RuleThresholds? thresholds = null,
        IReadOnlyDictionary<string, RuleSetting>? settings = null)
    {
        Network = network ?? new NetworkContext();
        Engine = new RuleEngine(rules ?? BuiltInRules.Create(), Network, thresholds ?? new RuleThresholds(), this, settings);
    }

    public NetworkContext Network { get; }
    public RuleEngine Engine { get; }
    public long NowUs { get; private set; } = Start;
    public List<Alert> Alerts { get; } = [];
    public List<AnalyzerEvent> Events { get; } = [];
    public List<DecodeAnomaly> Anomalies { get; } = [];

    /// <summary>Moves capture time forward by <paramref name="seconds"/>.</summary>
    public RuleHarness Wait(double seconds)
    {
        NowUs += (long)(seconds * 1_000_000);
        Engine.Expire(NowUs);
        return this;
    }

    /// <summary>One UDP datagram at the current time, from a host with the given MAC (0: none).</summary>
    public RuleHarness Udp(string src, ushort srcPort, string dst, ushort dstPort, byte[] payload, ulong mac = 0)
    {
        var packet = new PacketInfo
        {
            TimestampUs = NowUs, Src = NetAddress.Parse(src), Dst = NetAddress.Parse(dst), SrcPort = srcPort, DstPort = dstPort,
            Transport = Transport.Udp, SrcMac = mac, FrameNumber = Events.Count + Anomalies.Count + 1,
        };
        int before = Events.Count + Anomalies.Count;
        if (_ssdp.Wants(packet, payload)) _ssdp.OnDatagram(packet, payload, this);
        if (_natPmp.Wants(packet, payload)) _natPmp.OnDatagram(packet, payload, this);
        if (Events.Count + Anomalies.Count == before) throw new InvalidOperationException("no decoder took the datagram");
        return this;
    }

    /// <summary>Feeds an event built by the test directly (for decoders whose bytes the test does not build).</summary>
    public RuleHarness Feed(AnalyzerEvent e)
    {
        OnEvent(e);
        return this;
    }

    /// <summary>Ends the input: waiting requests are judged and aggregated repeats written.</summary>
    public List<Alert> Finish()
    {
        Engine.Finish(NowUs);
        return Alerts;
    }

    public List<Alert> Of(string rule) => Alerts.Where(a => a.Rule == rule).ToList();

    public void OnEvent(AnalyzerEvent analyzerEvent)
    {
        Events.Add(analyzerEvent);
        Engine.OnEvent(analyzerEvent);
    }

    public void OnAnomaly(DecodeAnomaly anomaly)
    {
        Anomalies.Add(anomaly);
        Engine.OnAnomaly(anomaly);
    }

    public void OnAlert(Alert alert) => Alerts.Add(alert);
}
