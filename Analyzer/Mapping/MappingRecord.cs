namespace Analyzer.Mapping;

/// <summary>A mapping request with its outcome, and how many times it was sent (retransmissions are one request).</summary>
public sealed record MappingRecord(MappingRequest Request, MappingOutcome Outcome, int Attempts = 1);
