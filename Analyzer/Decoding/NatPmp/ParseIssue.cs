namespace Analyzer.Decoding.NatPmp;

/// <summary>
/// What a NAT-PMP/PCP parser found wrong: the reason a message was rejected, or a note on a message that was still
/// decoded (an unknown opcode, bytes past the end of a NAT-PMP message). <see cref="Id"/> is a stable
/// <see cref="DecodeAnomaly"/> id; the default value means nothing was found.
/// </summary>
public readonly record struct ParseIssue(string? Id, string? Detail)
{
    public static ParseIssue None => default;

    public bool IsNone => Id is null;

    public DecodeAnomaly ToAnomaly(in PacketInfo packet) => new(packet, Id ?? "", Detail ?? "");
}
