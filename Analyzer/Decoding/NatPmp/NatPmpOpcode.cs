namespace Analyzer.Decoding.NatPmp;

/// <summary>NAT-PMP opcodes (RFC 6886 §3.2, §3.3); a response is its request's opcode plus 128.</summary>
public enum NatPmpOpcode : byte
{
    ExternalAddressRequest = 0,
    MapUdpRequest = 1,
    MapTcpRequest = 2,
    ExternalAddressResponse = 128,
    MapUdpResponse = 129,
    MapTcpResponse = 130,
}
