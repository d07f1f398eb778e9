using Analyzer.Decoding;
using Analyzer.Decoding.NatPmp;
using Analyzer.Decoding.Ssdp;
using Analyzer.Events;
using Analyzer.Rules.Text;

namespace Analyzer.Rules.NatPmp;

/// <summary>
/// THREATS.md <c>pcp-miniupnpd-null-deref</c> (CVE-2019-12111): a PCP request that fails validation (bad or
/// duplicate option, unsupported protocol) to a gateway that was answering before, then silence: no answer to it,
/// nothing at all from the gateway for the silence window, and later requests to it unanswered too. A single
/// unanswered packet is not enough; the gateway must have been heard before and be asked again.
/// </summary>
public sealed class PcpCrashRule : IRule
{
    public static readonly RuleInfo Rule = new("pcp-miniupnpd-null-deref", AlertCategory.ExploitAttempt, Severity.High,
        "A malformed PCP request to a gateway that then goes silent while asked again (miniupnpd crash, CVE-2019-12111)");

    public const int MaxGateways = 256;

    private static readonly HashSet<ushort> ValidProtocols = [0, 6, 17];

    private sealed class Suspect(PacketInfo request, string what)
    {
        public readonly PacketInfo Request = request;
        public readonly string What = what;
        public int LaterRequests;
    }

    private readonly BoundedTable<NetAddress, long> _lastHeard = new(MaxGateways * 16);
    private readonly BoundedTable<NetAddress, Suspect> _suspects = new(MaxGateways);
    private long _latestUs = long.MinValue;

    public RuleInfo Info => Rule;

    public void OnAnomaly(DecodeAnomaly anomaly, RuleContext context)
    {
        var p = anomaly.Packet;
        if (!PcpAnomalyIds.All.Contains(anomaly.Id) || p.DstPort != NatPmpAnalyzer.ServerPort || p.SrcPort == NatPmpAnalyzer.ServerPort) return;
        Advance(p.TimestampUs, context);
        Watch(p, $"{anomaly.Id} ({anomaly.Detail})");
    }

    public void OnEvent(AnalyzerEvent e, RuleContext context)
    {
        var p = e.Packet;
        Advance(p.TimestampUs, context);
        if (_suspects.TryGet(p.Src, out _) && p.SrcPort is NatPmpAnalyzer.ServerPort or SsdpAnalyzer.Port) _suspects.Remove(p.Src);
        if (p.SrcPort is NatPmpAnalyzer.ServerPort or SsdpAnalyzer.Port || e is SsdpMessage { Kind: not SsdpKind.MSearch })
            _lastHeard.Set(p.Src, p.TimestampUs);

        bool request = e is NatPmpMessage { IsResponse: false } or PcpMessage { IsResponse: false }
            || (e is SsdpMessage { Kind: SsdpKind.MSearch } && !p.Dst.IsMulticast);
        if (!request) return;
        if (_suspects.TryGet(p.Dst, out var suspect) && p.TimestampUs > suspect.Request.TimestampUs) suspect.LaterRequests++;
        if (e is PcpMessage { Opcode: (byte)PcpOpcode.Map or (byte)PcpOpcode.Peer, ProtocolNumber: { } proto } && !ValidProtocols.Contains(proto))
            Watch(p, $"unsupported protocol {proto}");
    }

    public void Expire(long nowUs, RuleContext context) => Judge(context);

    private void Watch(in PacketInfo request, string what)
    {
        // The gateway must have been alive before the malformed request, or silence proves nothing.
        if (!_lastHeard.TryGet(request.Dst, out long heard) || heard > request.TimestampUs) return;
        if (_suspects.ContainsKey(request.Dst)) return;
        _suspects.Set(request.Dst, new Suspect(request, what));
    }

    private void Advance(long timeUs, RuleContext context)
    {
        if (timeUs <= _latestUs) return;
        _latestUs = timeUs;
        Judge(context);
    }

    // Judged on capture time seen in events, not on the clock passed to Expire: the end of input must not pass for
    // silence.
    private void Judge(RuleContext context)
    {
        long window = context.Thresholds.PcpCrashSilenceUs;
        List<NetAddress>? done = null;
        foreach (var (gateway, s) in _suspects.Entries())
        {
            if (_latestUs - s.Request.TimestampUs < window) continue;
            (done ??= []).Add(gateway);
            if (s.LaterRequests == 0) continue;
            long heard = _lastHeard.TryGet(gateway, out long t) ? t : long.MinValue;
            if (heard > s.Request.TimestampUs) continue;
            context.Raise(Rule, s.Request, ProtocolNames.Pcp,
                $"malformed PCP request from {s.Request.Src} to {gateway} ({s.What}), then the gateway went silent for {Evidence.Seconds(_latestUs - s.Request.TimestampUs)} while {s.LaterRequests} later request(s) went unanswered");
        }
        if (done is not null)
            foreach (var g in done) _suspects.Remove(g);
    }
}
