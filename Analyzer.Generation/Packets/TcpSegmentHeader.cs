
namespace Analyzer.Generation.Packets;

/// <summary>The TCP header fields a generated segment varies; ports come from the session.</summary>
/// <param name="Options">Raw option bytes, a multiple of 4 long (the SYN's MSS, window scale and SACK-permitted).</param>
public readonly record struct TcpSegmentHeader(uint Seq, uint Ack, TcpFlags Flags, ushort Window, byte[]? Options = null);
