namespace Analyzer.Publishing;

/// <summary>
/// One entry read from a broker stream. <see cref="SensorId"/> and <see cref="Json"/> are null when the entry lacks
/// the fields of <see cref="StreamEntryFields"/> (written by something else): it is acknowledged and counted.
/// <see cref="Key"/> is the record's identity in an offline run; without it the sequence identifies the record (a
/// live sensor's, or one published before records had keys).
/// </summary>
public sealed record BrokerEntry(RecordType Type, string EntryId, string? SensorId, long Sequence, byte[]? Json, RecordKey? Key = null)
{
    public bool IsWellFormed => SensorId is not null && Json is not null;
}
