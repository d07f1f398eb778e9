using Analyzer.Decoding;
using Analyzer.Decoding.Ssdp;
using Analyzer.Events;
using Analyzer.Rules.Text;

namespace Analyzer.Rules.Ssdp;

/// <summary>
/// THREATS.md <c>ssdp-amplification-trigger</c>: SSDP used as a reflector. Two signs: repeated broad searches
/// (ssdp:all, upnp:rootdevice) from one non-LAN source (ET sid:2019102 counts 2 in 60 s), and a home responder whose
/// reply bytes to a non-LAN host exceed its request bytes by the amplification ratio. On the LAN, ssdp:all to the
/// multicast group is normal and never counts.
/// </summary>
public sealed class AmplificationRule : IRule
{
    public static readonly RuleInfo Rule = new("ssdp-amplification-trigger", AlertCategory.ReflectionDdos, Severity.High,
        "Repeated ssdp:all/upnp:rootdevice searches from a non-LAN source, or SSDP reply/request bytes toward a non-LAN host above the amplification ratio");

    /// <summary>Non-LAN searchers and (responder, outside host) pairs tracked at once.</summary>
    public const int MaxTracked = 4096;

    private sealed class Pair
    {
        public long WindowStart;
        public long RequestBytes;
        public long ReplyBytes;
        public int Replies;
        public bool Alerted;
    }

    private readonly BoundedTable<NetAddress, RecentTimes> _searchers = new(MaxTracked);
    private readonly BoundedTable<(NetAddress Home, NetAddress Outside), Pair> _pairs = new(MaxTracked);

    public RuleInfo Info => Rule;

    public void OnEvent(AnalyzerEvent e, RuleContext context)
    {
        if (e is not SsdpMessage ssdp) return;
        var p = e.Packet;
        var net = context.Network;
        var t = context.Thresholds;
        if (ssdp.Kind == SsdpKind.MSearch && net.IsForeign(p.Src))
        {
            if (net.IsHome(p.Dst)) PairFor(p.Dst, p.Src, p.TimestampUs, t).RequestBytes += ssdp.Length;
            // A search to the multicast group comes from the local link, not from the Internet.
            if (SsdpTargets.IsBroad(ssdp.St) && !NetworkContext.IsSpecial(p.Dst))
            {
                var times = _searchers.GetOrAdd(p.Src, () => new RecentTimes(t.SsdpAmplificationRequests));
                if (times.AddAndCheck(p.TimestampUs, t.SsdpAmplificationWindowUs))
                {
                    times.Clear();
                    context.Raise(Rule, p, ProtocolNames.Ssdp,
                        $"{t.SsdpAmplificationRequests} broad searches (ST {Evidence.Quote(ssdp.St)}) from {p.Src} outside the LAN within {Evidence.Seconds(t.SsdpAmplificationWindowUs)}: reflection trigger");
                }
            }
        }
        else if (ssdp.Kind == SsdpKind.Response && net.IsHome(p.Src) && net.IsForeign(p.Dst))
        {
            var pair = PairFor(p.Src, p.Dst, p.TimestampUs, t);
            pair.ReplyBytes += ssdp.Length;
            pair.Replies++;
            double ratio = pair.ReplyBytes / (double)Math.Max(pair.RequestBytes, 1);
            if (!pair.Alerted && pair.ReplyBytes >= t.SsdpAmplificationMinReplyBytes && ratio > t.SsdpAmplificationRatio)
            {
                pair.Alerted = true;
                var requests = pair.RequestBytes == 0
                    ? "no request seen (spoofed searches arrive elsewhere)"
                    : $"{pair.RequestBytes} request bytes: amplification ×{Evidence.Number(ratio)}";
                context.Raise(Rule, p, ProtocolNames.Ssdp,
                    $"{p.Src} sent {pair.Replies} SSDP replies ({pair.ReplyBytes} bytes) to {p.Dst} outside the LAN within {Evidence.Seconds(t.SsdpAmplificationWindowUs)} for {requests}");
            }
        }
    }

    private Pair PairFor(NetAddress home, NetAddress outside, long now, RuleThresholds t)
    {
        var pair = _pairs.GetOrAdd((home, outside), () => new Pair { WindowStart = now });
        if (now - pair.WindowStart > t.SsdpAmplificationWindowUs)
        {
            pair.WindowStart = now;
            pair.RequestBytes = pair.ReplyBytes = pair.Replies = 0;
            pair.Alerted = false;
        }
        return pair;
    }
}
