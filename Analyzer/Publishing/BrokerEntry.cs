namespace Analyzer.Publishing;

/// <summary>
/// One entry read from a broker stream. <see cref="SensorId"/> and <see cref="Json"/> are null when the entry lacks
/// the fields of <see cref="StreamEntryFields"/> (written by something else): it is acknowledged and counted.
/// </summary>
public sealed record BrokerEntry(RecordType Type, string EntryId, string? SensorId, long Sequence, byte[]? Json)
{
    public bool IsWellFormed => SensorId is not null && Json is not null;
}
