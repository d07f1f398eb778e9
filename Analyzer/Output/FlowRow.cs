using Analyzer.Flows;

namespace Analyzer.Output;

/// <summary>One row of the flow log: a finished flow and the capture it was read from.</summary>
public readonly record struct FlowRow(FlowRecord Flow, string? File);
