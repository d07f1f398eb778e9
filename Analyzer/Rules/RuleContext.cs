using Analyzer.Decoding;

namespace Analyzer.Rules;

/// <summary>What a rule may use: the network context, the thresholds, and the way to raise an alert.</summary>
public sealed class RuleContext(NetworkContext network, RuleThresholds thresholds, AlertAggregator alerts,
    IReadOnlyDictionary<string, RuleSetting> settings)
{
    public NetworkContext Network { get; } = network;
    public RuleThresholds Thresholds { get; } = thresholds;

    /// <summary>The capture being read, stamped on the alerts raised while it is.</summary>
    public string? CurrentFile { get; set; }

    /// <summary>Alerts dropped because a host was allowlisted (globally or for the rule).</summary>
    public long Suppressed { get; private set; }

    /// <summary>
    /// Raises an alert for the packet, attributed to the rule; repeats are aggregated per window. An alert whose
    /// source or destination is allowlisted (globally or for this rule) is dropped and counted in
    /// <see cref="Suppressed"/>.
    /// </summary>
    public void Raise(RuleInfo rule, in PacketInfo packet, string protocol, string summary, Severity? severity = null)
    {
        settings.TryGetValue(rule.Id, out var configured);
        if (Network.IsAllowlisted(packet.Src) || Network.IsAllowlisted(packet.Dst)
            || (configured is not null && (configured.Allows(packet.Src) || configured.Allows(packet.Dst))))
        {
            Suppressed++;
            return;
        }
        alerts.Raise(new Alert
        {
            TimestampUs = packet.TimestampUs,
            Rule = rule.Id,
            Category = rule.Category,
            Severity = configured?.Severity is { } fixedSeverity
                ? fixedSeverity
                : severity ?? rule.Severity,
            Src = packet.Src,
            SrcPort = packet.SrcPort,
            Dst = packet.Dst,
            DstPort = packet.DstPort,
            Protocol = protocol,
            Summary = summary,
            Frame = packet.FrameNumber,
            File = CurrentFile,
        });
    }
}
