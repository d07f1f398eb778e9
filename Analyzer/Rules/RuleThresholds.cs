namespace Analyzer.Rules;

/// <summary>Named, tunable thresholds of the rules, with their documented defaults.</summary>
public sealed record RuleThresholds
{
    /// <summary>Repeats of one rule on the same hosts within this window become one aggregated row.</summary>
    public long AggregationWindowUs { get; init; } = 300_000_000;

    /// <summary>Most (rule, source, destination) windows kept open at once; the oldest is closed beyond it.</summary>
    public int MaxOpenAggregates { get; init; } = 10_000;

    /// <summary>An SSDP header value longer than this is an overflow attempt (libupnp copies into 180-byte buffers).</summary>
    public int SsdpMaxFieldLength { get; init; } = 180;
}
