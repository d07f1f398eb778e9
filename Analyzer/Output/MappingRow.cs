using Analyzer.Rules.Mapping;

namespace Analyzer.Output;

/// <summary>
/// One row of the port-mapping ledger: a mapping request with its outcome, or (with <see cref="ExpiredUs"/>) a
/// granted mapping whose lifetime ran out at that time without renewal or deletion.
/// </summary>
public readonly record struct MappingRow(MappingRecord Record, long? ExpiredUs, string? File)
{
    public bool IsExpiry => ExpiredUs is not null;
}
