using System.Text.Json.Serialization;

namespace Analyzer.Rules;

/// <summary>
/// Named, tunable thresholds of the rules, with their documented defaults. Times are in seconds in the
/// configuration file (<c>thresholds:</c> section, snake_case names).
/// </summary>
public sealed record RuleThresholds
{
    /// <summary>Repeats of one rule on the same hosts within this window become one aggregated row.</summary>
    public double AggregationWindowSeconds { get; init; } = 300;

    [JsonIgnore]
    public long AggregationWindowUs => Micros(AggregationWindowSeconds);

    /// <summary>Most (rule, source, destination) windows kept open at once; the oldest is closed beyond it.</summary>
    public int MaxOpenAggregates { get; init; } = 10_000;

    /// <summary>An SSDP header value longer than this is an overflow attempt (libupnp copies into 180-byte buffers).</summary>
    public int SsdpMaxFieldLength { get; init; } = 180;

    public static long Micros(double seconds) => (long)(seconds * 1_000_000);
}
