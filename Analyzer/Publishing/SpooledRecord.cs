namespace Analyzer.Publishing;

/// <summary>One record with its per-sensor sequence number, as held in the spool and sent to the broker.</summary>
/// <param name="Json">One UTF-8 JSON object, without a line end.</param>
/// <param name="Key">The record's identity in an offline run; null for a live sensor's records.</param>
public readonly record struct SpooledRecord(RecordType Type, long Sequence, byte[] Json, RecordKey? Key = null);
