using System.Buffers.Binary;
using System.Net;

namespace Analyzer.Tests.Rules.Support;

/// <summary>PCP datagrams (RFC 6887 §7, §11–§13), byte by byte; IPv4 addresses travel IPv4-mapped.</summary>
public static class PcpBytes
{
    public const string Nonce = "0102030405060708090a0b0c";

    public static byte[] MapRequest(string client, uint lifetime, ushort internalPort, ushort externalPort = 0,
        byte protocol = 6, string nonce = Nonce, params byte[][] options) =>
        [.. RequestHeader(1, lifetime, client), .. MapData(nonce, protocol, internalPort, externalPort, "0.0.0.0"), .. options.SelectMany(o => o)];

    public static byte[] MapResponse(byte result, uint lifetime, ushort internalPort, ushort externalPort, string externalAddress,
        byte protocol = 6, string nonce = Nonce, uint epoch = 1000) =>
        [.. ResponseHeader(1, result, lifetime, epoch), .. MapData(nonce, protocol, internalPort, externalPort, externalAddress)];

    /// <summary>An error answer cut after the common header (§8.3).</summary>
    public static byte[] ErrorResponse(byte opcode, byte result, uint epoch = 1000) => ResponseHeader(opcode, result, 0, epoch);

    public static byte[] Announce(uint epoch = 10) => ResponseHeader(0, 0, 0, epoch);

    public static byte[] ThirdParty(string address) => Option(1, Address(address));

    public static byte[] Filter(byte prefixLength, ushort port, string address)
    {
        var data = new byte[20];
        data[1] = prefixLength;
        BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(2), port);
        Address(address).CopyTo(data, 4);
        return Option(3, data);
    }

    public static byte[] Option(byte code, byte[] data)
    {
        int padded = (data.Length + 3) / 4 * 4;
        var o = new byte[4 + padded];
        o[0] = code;
        BinaryPrimitives.WriteUInt16BigEndian(o.AsSpan(2), (ushort)data.Length);
        data.CopyTo(o, 4);
        return o;
    }

    public static byte[] Address(string text)
    {
        var ip = IPAddress.Parse(text);
        if (ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork) ip = ip.MapToIPv6();
        return ip.GetAddressBytes();
    }

    private static byte[] RequestHeader(byte opcode, uint lifetime, string client)
    {
        var h = new byte[24];
        h[0] = 2;
        h[1] = opcode;
        BinaryPrimitives.WriteUInt32BigEndian(h.AsSpan(4), lifetime);
        Address(client).CopyTo(h, 8);
        return h;
    }

    private static byte[] ResponseHeader(byte opcode, byte result, uint lifetime, uint epoch)
    {
        var h = new byte[24];
        h[0] = 2;
        h[1] = (byte)(0x80 | opcode);
        h[3] = result;
        BinaryPrimitives.WriteUInt32BigEndian(h.AsSpan(4), lifetime);
        BinaryPrimitives.WriteUInt32BigEndian(h.AsSpan(8), epoch);
        return h;
    }

    private static byte[] MapData(string nonce, byte protocol, ushort internalPort, ushort externalPort, string externalAddress)
    {
        var d = new byte[36];
        Convert.FromHexString(nonce).CopyTo(d, 0);
        d[12] = protocol;
        BinaryPrimitives.WriteUInt16BigEndian(d.AsSpan(16), internalPort);
        BinaryPrimitives.WriteUInt16BigEndian(d.AsSpan(18), externalPort);
        Address(externalAddress).CopyTo(d, 20);
        return d;
    }
}
