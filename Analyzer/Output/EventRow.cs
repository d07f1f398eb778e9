using Analyzer.Events;

namespace Analyzer.Output;

/// <summary>One row of the event log: a decoded message and the capture it was read from.</summary>
public readonly record struct EventRow(AnalyzerEvent Event, string? File);
