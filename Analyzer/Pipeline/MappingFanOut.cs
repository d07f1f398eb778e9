using Analyzer.Inventory;
using Analyzer.Mapping;

namespace Analyzer.Pipeline;

/// <summary>Hands each mapping-ledger row to every sink (the mappings file and the publisher).</summary>
public sealed class MappingFanOut(IReadOnlyList<IMappingSink> sinks) : IMappingSink
{
    public void OnRequest(MappingRecord mapping, string? file)
    {
        foreach (var s in sinks) s.OnRequest(mapping, file);
    }

    public void OnExpiry(MappingRecord granted, long expiredUs, string? file)
    {
        foreach (var s in sinks) s.OnExpiry(granted, expiredUs, file);
    }
}
