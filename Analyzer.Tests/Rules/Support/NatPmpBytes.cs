using System.Buffers.Binary;
using System.Net;

namespace Analyzer.Tests.Rules.Support;

/// <summary>NAT-PMP datagrams (RFC 6886 §3), byte by byte.</summary>
public static class NatPmpBytes
{
    public static byte[] AddressRequest() => [0, 0];

    public static byte[] Map(bool tcp, ushort internalPort, ushort externalPort, uint lifetime)
    {
        var b = new byte[12];
        b[1] = (byte)(tcp ? 2 : 1);
        BinaryPrimitives.WriteUInt16BigEndian(b.AsSpan(4), internalPort);
        BinaryPrimitives.WriteUInt16BigEndian(b.AsSpan(6), externalPort);
        BinaryPrimitives.WriteUInt32BigEndian(b.AsSpan(8), lifetime);
        return b;
    }

    public static byte[] MapResponse(bool tcp, ushort result, ushort internalPort, ushort externalPort, uint lifetime, uint epoch = 1000)
    {
        var b = new byte[16];
        b[1] = (byte)(tcp ? 130 : 129);
        BinaryPrimitives.WriteUInt16BigEndian(b.AsSpan(2), result);
        BinaryPrimitives.WriteUInt32BigEndian(b.AsSpan(4), epoch);
        BinaryPrimitives.WriteUInt16BigEndian(b.AsSpan(8), internalPort);
        BinaryPrimitives.WriteUInt16BigEndian(b.AsSpan(10), externalPort);
        BinaryPrimitives.WriteUInt32BigEndian(b.AsSpan(12), lifetime);
        return b;
    }

    public static byte[] AddressResponse(string address, ushort result = 0, uint epoch = 1000)
    {
        var b = new byte[12];
        b[1] = 128;
        BinaryPrimitives.WriteUInt16BigEndian(b.AsSpan(2), result);
        BinaryPrimitives.WriteUInt32BigEndian(b.AsSpan(4), epoch);
        IPAddress.Parse(address).GetAddressBytes().CopyTo(b, 8);
        return b;
    }
}
