namespace Analyzer.Packets;

/// <summary>
/// A message that could not be decoded as its protocol says, counted and reported instead of thrown.
/// <see cref="Id"/> is a stable snake_case id such as <c>pcp.truncated_option</c>; <see cref="Detail"/> is short,
/// escaped text for humans (see <see cref="AnomalyText"/>).
/// </summary>
public sealed record DecodeAnomaly(PacketInfo Packet, string Id, string Detail);
