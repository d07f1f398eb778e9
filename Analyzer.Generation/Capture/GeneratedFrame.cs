namespace Analyzer.Generation.Capture;

/// <summary>One frame of a generated capture: its capture time in microseconds since the Unix epoch and its bytes.</summary>
public readonly record struct GeneratedFrame(long TimestampUs, byte[] Data);
