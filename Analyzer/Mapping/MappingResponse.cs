using Analyzer.Decoding;

namespace Analyzer.Mapping;

/// <summary>A gateway's answer to a mapping request, normalized across IGD SOAP, NAT-PMP and PCP.</summary>
public sealed record MappingResponse
{
    public required PacketInfo Packet { get; init; }
    public required MappingMethod Method { get; init; }
    public required bool Success { get; init; }
    /// <summary>SOAP UPnPError code, NAT-PMP or PCP result code; null on success without a code.</summary>
    public int? Code { get; init; }
    public string? CodeName { get; init; }
    /// <summary>Granted external port (NAT-PMP/PCP, IGD AddAnyPortMapping's NewReservedPort).</summary>
    public ushort? ExternalPort { get; init; }
    /// <summary>Granted lifetime in seconds.</summary>
    public uint? Lifetime { get; init; }
    public NetAddress? ExternalAddress { get; init; }
}
