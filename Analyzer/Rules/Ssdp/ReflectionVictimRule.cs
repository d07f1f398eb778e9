using Analyzer.Decoding;
using Analyzer.Decoding.Ssdp;
using Analyzer.Events;
using Analyzer.Rules.Text;

namespace Analyzer.Rules.Ssdp;

/// <summary>
/// THREATS.md <c>ssdp-reflection-victim</c>: a host receives SSDP search replies it never asked for, from many
/// responders or at a high rate: someone searched in its name (spoofed) and the replies are the attack. A host that
/// sent an M-SEARCH is waiting for replies during its MX plus a margin; replies then are solicited.
/// </summary>
public sealed class ReflectionVictimRule : IRule
{
    public static readonly RuleInfo Rule = new("ssdp-reflection-victim", AlertCategory.ReflectionDdos, Severity.High,
        "A host receives unsolicited SSDP replies from port 1900 from 20+ responders in 10 s or 50+ per second");

    /// <summary>Searchers remembered with their reply deadline, and victims tracked.</summary>
    public const int MaxSearchers = 4096;
    public const int MaxVictims = 1024;

    /// <summary>MX above this is treated as this (UDA 1.0 allows 120).</summary>
    public const int MaxMxSeconds = 120;
    public const int DefaultMxSeconds = 5;

    private sealed class Victim(int reflectors, int rate)
    {
        public readonly DistinctWindow<NetAddress> Reflectors = new(reflectors + 1);
        public readonly RecentTimes Replies = new(rate);
        public long MutedUntil = long.MinValue;
    }

    private readonly BoundedTable<NetAddress, long> _searchDeadline = new(MaxSearchers);
    private readonly BoundedTable<NetAddress, Victim> _victims = new(MaxVictims);

    public RuleInfo Info => Rule;

    public void OnEvent(AnalyzerEvent e, RuleContext context)
    {
        if (e is not SsdpMessage ssdp) return;
        var p = e.Packet;
        var t = context.Thresholds;
        if (ssdp.Kind == SsdpKind.MSearch)
        {
            int mx = Math.Clamp(ssdp.MxSeconds ?? DefaultMxSeconds, 0, MaxMxSeconds);
            _searchDeadline.Set(p.Src, p.TimestampUs + RuleThresholds.Micros(mx + t.SsdpReplyMarginSeconds));
            return;
        }
        if (ssdp.Kind != SsdpKind.Response || p.SrcPort != SsdpAnalyzer.Port || NetworkContext.IsSpecial(p.Dst)) return;
        if (_searchDeadline.TryGet(p.Dst, out long deadline) && p.TimestampUs <= deadline) return;

        var victim = _victims.GetOrAdd(p.Dst, () => new Victim(t.SsdpReflectionReflectors, t.SsdpReflectionRepliesPerSecond));
        int reflectors = victim.Reflectors.Add(p.Src, p.TimestampUs, t.SsdpReflectionWindowUs);
        bool burst = victim.Replies.AddAndCheck(p.TimestampUs, RuleThresholds.Micros(1));
        if (p.TimestampUs < victim.MutedUntil || (reflectors < t.SsdpReflectionReflectors && !burst)) return;
        victim.MutedUntil = p.TimestampUs + t.SsdpReflectionWindowUs;
        var why = reflectors >= t.SsdpReflectionReflectors
            ? $"from {reflectors} responders within {Evidence.Seconds(t.SsdpReflectionWindowUs)}"
            : $"{t.SsdpReflectionRepliesPerSecond} within 1 s";
        context.Raise(Rule, p, ProtocolNames.Ssdp,
            $"{p.Dst} receives unsolicited SSDP replies {why} without having searched (latest from {p.Src}, ST {Evidence.Quote(ssdp.St ?? "")})");
    }
}
