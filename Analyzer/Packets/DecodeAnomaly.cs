namespace Analyzer.Packets;

/// <summary>
/// A message that could not be decoded as its protocol says, counted and reported instead of thrown.
/// <see cref="Id"/> is a stable snake_case id such as <c>pcp.truncated_option</c>; <see cref="Detail"/> is short,
/// escaped text for humans (see <c>AnomalyText</c>). Decoders whose rules need more than the id derive a record with
/// typed fields (see <c>UnterminatedSsdpHead</c>), so no rule parses <see cref="Detail"/>.
/// </summary>
public record DecodeAnomaly(PacketInfo Packet, string Id, string Detail);
