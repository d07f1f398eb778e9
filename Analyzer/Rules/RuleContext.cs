using Analyzer.Decoding;
using Analyzer.Output;

namespace Analyzer.Rules;

/// <summary>What a rule may use: the network context, the thresholds, and the way to raise an alert.</summary>
public sealed class RuleContext(NetworkContext network, RuleThresholds thresholds, AlertAggregator alerts,
    IReadOnlyDictionary<string, RuleSetting> settings)
{
    public NetworkContext Network { get; } = network;
    public RuleThresholds Thresholds { get; } = thresholds;

    /// <summary>The capture being read, stamped on the alerts raised while it is.</summary>
    public string? CurrentFile { get; set; }

    /// <summary>Raises an alert for the packet, attributed to the rule; repeats are aggregated per window.</summary>
    public void Raise(RuleInfo rule, in PacketInfo packet, string protocol, string summary, Severity? severity = null) =>
        alerts.Raise(new Alert
        {
            TimestampUs = packet.TimestampUs,
            Rule = rule.Id,
            Category = rule.Category,
            Severity = settings.TryGetValue(rule.Id, out var configured) && configured.Severity is { } fixedSeverity
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
