namespace Analyzer.Decoding.Ssdp;

/// <summary>
/// <see cref="SsdpAnomalyIds.UnterminatedHead"/> with what the CVE-2013-0229 rule reads: the datagram's length, whether
/// its last byte is a line feed, and its first line as the detail shows it.
/// </summary>
public sealed record UnterminatedSsdpHead(PacketInfo Packet, string Detail, int Length, bool EndsWithNewline, string StartLine)
    : DecodeAnomaly(Packet, SsdpAnomalyIds.UnterminatedHead, Detail);
