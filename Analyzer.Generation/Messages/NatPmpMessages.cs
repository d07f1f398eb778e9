using System.Buffers.Binary;

namespace Analyzer.Generation.Messages;

/// <summary>
/// NAT-PMP (RFC 6886) requests and responses. Clients send to the gateway's UDP 5351; the gateway announces
/// address changes to 224.0.0.1:5350.
/// </summary>
/// <remarks>
/// <code>
/// external address request:  version 0 | opcode 0
/// external address response: version 0 | opcode 128 | result (16) | epoch seconds (32) | external IPv4 (32)
/// map request:               version 0 | opcode 1 UDP / 2 TCP | reserved (16) | internal port (16)
///                            | suggested external port (16) | requested lifetime (32)
/// map response:              version 0 | opcode 129 / 130 | result (16) | epoch seconds (32) | internal port (16)
///                            | mapped external port (16) | lifetime (32)
/// </code>
/// </remarks>
public static class NatPmpMessages
{
    public const ushort ServerPort = 5351;
    public const ushort ClientAnnouncePort = 5350;
    public const byte OpcodeMapUdp = 1;
    public const byte OpcodeMapTcp = 2;
    public const byte ResponseBit = 0x80;

    public static byte[] ExternalAddressRequest() => [0, 0];

    public static byte[] ExternalAddressResponse(uint epochSeconds, ReadOnlySpan<byte> externalIpv4, ushort result = 0)
    {
        var bytes = new byte[12];
        bytes[1] = ResponseBit;
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(2), result);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(4), epochSeconds);
        externalIpv4.CopyTo(bytes.AsSpan(8));
        return bytes;
    }

    /// <param name="lifetime">0 deletes the mapping (RFC 6886 §3.4).</param>
    public static byte[] MapRequest(bool tcp, ushort internalPort, ushort suggestedExternalPort, uint lifetime)
    {
        var bytes = new byte[12];
        bytes[1] = tcp ? OpcodeMapTcp : OpcodeMapUdp;
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(4), internalPort);
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(6), suggestedExternalPort);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(8), lifetime);
        return bytes;
    }

    public static byte[] MapResponse(bool tcp, uint epochSeconds, ushort internalPort, ushort externalPort, uint lifetime,
        ushort result = 0)
    {
        var bytes = new byte[16];
        bytes[1] = (byte)(ResponseBit | (tcp ? OpcodeMapTcp : OpcodeMapUdp));
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(2), result);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(4), epochSeconds);
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(8), internalPort);
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(10), externalPort);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(12), lifetime);
        return bytes;
    }
}
