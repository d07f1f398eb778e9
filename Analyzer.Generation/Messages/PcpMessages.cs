using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Analyzer.Generation.Messages;

/// <summary>PCP (RFC 6887) MAP requests and responses with options, on UDP 5351 like NAT-PMP.</summary>
/// <remarks>
/// <code>
/// request header (24):  version 2 | R=0, opcode (7) | reserved (16) | requested lifetime (32) | client IP (128)
/// response header (24): version 2 | R=1, opcode (7) | reserved (8) | result code (8) | lifetime (32) | epoch (32)
///                       | reserved (96)
/// MAP payload (36):     nonce (96) | protocol (8) | reserved (24) | internal port (16) | external port (16)
///                       | external IP (128)
/// option:               code (8) | reserved (8) | length (16) | data, padded to 32 bits
///   THIRD_PARTY (1): internal IP (128);
///   FILTER (3): reserved (8) | prefix length (8) | remote peer port (16) | remote peer IP (128)
/// </code>
/// IPv4 addresses travel as IPv4-mapped IPv6 (::ffff:a.b.c.d).
/// </remarks>
public static class PcpMessages
{
    public const byte Version = 2;
    public const byte OpcodeAnnounce = 0;
    public const byte OpcodeMap = 1;
    public const byte OptionThirdParty = 1;
    public const byte OptionFilter = 3;
    public const byte ResultSuccess = 0;
    public const byte ResultNotAuthorized = 2;
    public const byte ProtocolTcp = 6;
    private const int HeaderLength = 24;
    private const int MapLength = 36;

    public readonly record struct Option(byte Code, byte[] Data);

    public static Option ThirdParty(IPAddress internalAddress) => new(OptionThirdParty, Mapped(internalAddress));

    public static Option Filter(byte prefixLength, ushort remotePort, IPAddress remotePeer)
    {
        var data = new byte[20];
        data[1] = prefixLength;
        BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(2), remotePort);
        Mapped(remotePeer).CopyTo(data, 4);
        return new Option(OptionFilter, data);
    }

    public static byte[] MapRequest(IPAddress client, uint lifetime, byte[] nonce, byte protocol, ushort internalPort,
        ushort suggestedExternalPort, IPAddress suggestedExternal, params Option[] options)
    {
        var bytes = new byte[HeaderLength + MapLength + OptionsLength(options)];
        var span = bytes.AsSpan();
        span[0] = Version;
        span[1] = OpcodeMap;
        BinaryPrimitives.WriteUInt32BigEndian(span[4..], lifetime);
        Mapped(client).CopyTo(span[8..]);
        WriteMap(span[HeaderLength..], nonce, protocol, internalPort, suggestedExternalPort, suggestedExternal);
        WriteOptions(span[(HeaderLength + MapLength)..], options);
        return bytes;
    }

    public static byte[] MapResponse(byte result, uint lifetime, uint epoch, byte[] nonce, byte protocol, ushort internalPort,
        ushort externalPort, IPAddress external, params Option[] options)
    {
        var bytes = new byte[HeaderLength + MapLength + OptionsLength(options)];
        var span = bytes.AsSpan();
        span[0] = Version;
        span[1] = 0x80 | OpcodeMap;
        span[3] = result;
        BinaryPrimitives.WriteUInt32BigEndian(span[4..], lifetime);
        BinaryPrimitives.WriteUInt32BigEndian(span[8..], epoch);
        WriteMap(span[HeaderLength..], nonce, protocol, internalPort, externalPort, external);
        WriteOptions(span[(HeaderLength + MapLength)..], options);
        return bytes;
    }

    /// <summary>An unsolicited ANNOUNCE response, sent by a PCP server after it restarts (RFC 6887 §14.1.3).</summary>
    public static byte[] AnnounceResponse(uint epoch)
    {
        var bytes = new byte[HeaderLength];
        bytes[0] = Version;
        bytes[1] = 0x80 | OpcodeAnnounce;
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(8), epoch);
        return bytes;
    }

    /// <summary>The 16-byte form of an address: IPv6 as is, IPv4 as ::ffff:a.b.c.d.</summary>
    public static byte[] Mapped(IPAddress address) =>
        (address.AddressFamily == AddressFamily.InterNetwork ? address.MapToIPv6() : address).GetAddressBytes();

    private static void WriteMap(Span<byte> span, byte[] nonce, byte protocol, ushort internalPort, ushort externalPort, IPAddress external)
    {
        nonce.AsSpan(0, 12).CopyTo(span);
        span[12] = protocol;
        BinaryPrimitives.WriteUInt16BigEndian(span[16..], internalPort);
        BinaryPrimitives.WriteUInt16BigEndian(span[18..], externalPort);
        Mapped(external).CopyTo(span[20..]);
    }

    private static int OptionsLength(Option[] options) => options.Sum(o => 4 + ((o.Data.Length + 3) & ~3));

    private static void WriteOptions(Span<byte> span, Option[] options)
    {
        int offset = 0;
        foreach (var option in options)
        {
            span[offset] = option.Code;
            BinaryPrimitives.WriteUInt16BigEndian(span[(offset + 2)..], (ushort)option.Data.Length);
            option.Data.CopyTo(span[(offset + 4)..]);
            offset += 4 + ((option.Data.Length + 3) & ~3);
        }
    }
}
