using Analyzer.Rules.Mapping;

namespace Analyzer.Inventory;

/// <summary>Receives the port-mapping ledger's rows as their outcome becomes known (the output writes them).</summary>
public interface IMappingSink
{
    /// <summary>A mapping request with its outcome (or none, when unanswered).</summary>
    void OnRequest(MappingRecord mapping, string? file);

    /// <summary>A granted mapping whose lifetime ran out at <paramref name="expiredUs"/> without renewal or deletion.</summary>
    void OnExpiry(MappingRecord granted, long expiredUs, string? file);
}
