using Analyzer.Decoding.Link;

namespace Analyzer.Tests.Fuzzing;

/// <summary>One frame of a seed capture, copied out of the reader's buffer.</summary>
public sealed record CapturedFrame(string Capture, LinkType LinkType, long TimestampUs, byte[] Bytes);
