using Analyzer.Decoding;

namespace Analyzer.Tests.Fuzzing;

/// <summary>One segment of a planned TCP conversation: its packet (addresses, ports, seq/ack, flags) and payload.</summary>
public sealed record TcpSegment(PacketInfo Packet, byte[] Payload);
