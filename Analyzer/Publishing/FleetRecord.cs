namespace Analyzer.Publishing;

/// <summary>A record as the aggregator receives it: one JSON object from one sensor, with its sequence number.</summary>
public sealed record FleetRecord(RecordType Type, string SensorId, long Sequence, byte[] Json, BrokerEntry Entry);
