namespace Analyzer.Census;

/// <summary>One UPnP-family device as the census sees it: its class, stack, whether the stack is outdated, and its CVEs.</summary>
public sealed record CensusDevice(
    string Ip,
    DeviceClass Class,
    string Name,
    string Stack,
    string Version,
    bool Outdated,
    string? CurrentVersion,
    IReadOnlyList<string> Cves,
    IReadOnlyList<string> Advisories);
