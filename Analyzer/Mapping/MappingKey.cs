using Analyzer.Decoding;

namespace Analyzer.Mapping;

/// <summary>
/// What ties an answer to its request: the gateway, the client endpoint, and a protocol tag (the NAT-PMP opcode and
/// internal port, the PCP opcode and nonce, the SOAP exchange).
/// </summary>
public readonly record struct MappingKey(MappingMethod Method, NetAddress Gateway, NetAddress Client, ushort ClientPort, string Tag);
