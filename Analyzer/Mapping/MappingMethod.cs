namespace Analyzer.Mapping;

/// <summary>How a port mapping was asked for: UPnP IGD SOAP, NAT-PMP (RFC 6886) or PCP (RFC 6887).</summary>
public enum MappingMethod : byte
{
    Igd,
    NatPmp,
    Pcp,
}
