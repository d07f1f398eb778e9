namespace Analyzer.AlertPackets;

/// <summary>One frame kept for evidence, as read from the capture.</summary>
public readonly record struct EvidenceFrame(long FrameNumber, long TimestampUs, byte[] Data);
