using Analyzer.Decoding;
using Analyzer.Decoding.Dial;
using Analyzer.Events;
using Analyzer.Rules.Text;

namespace Analyzer.Rules.Cast;

/// <summary>
/// THREATS.md <c>dial-launch-from-nonlan</c> (CastHack): a DIAL app launch, stop or hide from outside the LAN (through
/// a mapped 8008, or at the WAN address). On the LAN, phones launch YouTube all day; a LAN host launching apps more
/// than five times a minute is flagged at medium severity.
/// </summary>
public sealed class DialLaunchRule : IRule
{
    public static readonly RuleInfo Rule = new("dial-launch-from-nonlan", AlertCategory.RogueCast, Severity.High,
        "A DIAL app launch/stop from a non-LAN host (CastHack), or a LAN host launching apps 5+ times a minute");

    public const int MaxLaunchers = 1024;

    private sealed class Launcher(int count)
    {
        public readonly RecentTimes Launches = new(count);
        public long MutedUntil = long.MinValue;
    }

    private readonly BoundedTable<NetAddress, Launcher> _launchers = new(MaxLaunchers);

    public RuleInfo Info => Rule;

    public void OnEvent(AnalyzerEvent e, RuleContext context)
    {
        if (e is not DialMessage { MessageKind: DialMessageKind.Launch or DialMessageKind.Stop or DialMessageKind.Hide or DialMessageKind.DialData } d) return;
        var p = e.Packet;
        var t = context.Thresholds;
        if (context.Network.IsForeign(p.Src))
        {
            context.Raise(Rule, p, ProtocolNames.Dial,
                $"DIAL {d.Kind} of {d.App ?? "?"} on {p.Dst}:{p.DstPort} from {p.Src} outside the LAN{(d.Body is { Length: > 0 } body ? $", payload {Evidence.Quote(body, (int)d.BodyLength, 80)}" : "")}");
            return;
        }
        if (d.MessageKind != DialMessageKind.Launch || !context.Network.IsLan(p.Src)) return;
        var launcher = _launchers.GetOrAdd(p.Src, () => new Launcher(t.DialLaunches));
        if (!launcher.Launches.AddAndCheck(p.TimestampUs, t.DialLaunchWindowUs) || p.TimestampUs < launcher.MutedUntil) return;
        launcher.MutedUntil = p.TimestampUs + t.DialLaunchWindowUs;
        context.Raise(Rule, p, ProtocolNames.Dial,
            $"{p.Src} launched DIAL apps {t.DialLaunches} times within {Evidence.Seconds(t.DialLaunchWindowUs)} (latest {d.App ?? "?"} on {p.Dst})",
            Severity.Medium);
    }
}
