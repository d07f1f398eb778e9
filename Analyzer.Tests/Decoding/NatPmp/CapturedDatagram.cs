namespace Analyzer.Tests.Decoding.NatPmp;

/// <summary>One UDP datagram of a conformance capture: where it was, its addresses and ports, its payload as hex.</summary>
public sealed record CapturedDatagram(
    string Capture, long Frame, string Src, ushort SrcPort, string Dst, ushort DstPort, string PayloadHex);
