namespace Analyzer.Census;

/// <summary>Devices per stack and version ("" when no version was seen), with the current release it is measured against.</summary>
public sealed record StackCount(string Stack, string Version, int Devices, bool Outdated, string? CurrentVersion, string? Released);
