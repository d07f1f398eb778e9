using Analyzer.Decoding;

namespace Analyzer.Mapping;

/// <summary>
/// What became of a request: granted (with the external port and lifetime the gateway chose), refused with a code,
/// or no answer seen. <see cref="Response"/> is the answer's packet when there was one.
/// </summary>
public sealed record MappingOutcome(MappingOutcomeKind Kind)
{
    public static readonly MappingOutcome NoAnswer = new(MappingOutcomeKind.NoAnswer);

    public PacketInfo? Response { get; init; }
    public int? Code { get; init; }
    public string? CodeName { get; init; }
    public ushort? ExternalPort { get; init; }
    public uint? Lifetime { get; init; }
    public NetAddress? ExternalAddress { get; init; }

    public static MappingOutcome From(MappingResponse r) => new(r.Success ? MappingOutcomeKind.Granted : MappingOutcomeKind.Refused)
    {
        Response = r.Packet,
        Code = r.Code,
        CodeName = r.CodeName,
        ExternalPort = r.ExternalPort,
        Lifetime = r.Lifetime,
        ExternalAddress = r.ExternalAddress,
    };
}
