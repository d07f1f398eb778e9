namespace Analyzer.Capture;

/// <summary>A capture device as `analyzer interfaces` lists it.</summary>
public sealed record CaptureInterface(string Name, string? Description, IReadOnlyList<string> Addresses, string LinkType, bool Loopback);
