using System.Buffers.Binary;
using System.Globalization;

namespace Analyzer.Decoding.NatPmp;

/// <summary>
/// Decodes one PCP datagram (RFC 6887 §7, §11–§14; the field diagram is on <see cref="PcpFields"/>).
/// </summary>
/// <remarks>
/// Rejected (<see cref="ParseStatus.Invalid"/>, no message), the way a PCP server drops them (§8.3) or a message
/// whose option boundaries are lost: version other than 2 (<c>pcp.bad_version</c>); shorter than the 24-octet
/// header (<c>pcp.truncated_header</c>); longer than 1100 octets (<c>pcp.message_too_long</c>); MAP/PEER data cut
/// (<c>pcp.truncated_body</c>); an option header or its data cut (<c>pcp.truncated_option</c>); an option's data
/// complete but its padding to 4 octets missing (<c>pcp.option_length_not_multiple_of_4</c>); THIRD_PARTY,
/// PREFER_FAILURE or FILTER with a length other than 16, 0 or 20 (<c>pcp.bad_option_length</c>); more than
/// <see cref="MaxOptions"/> options (<c>pcp.too_many_options</c>).
/// Decoded and reported as an issue next to the message: an unknown opcode (<c>pcp.unknown_opcode</c>; its data and
/// options cannot be delimited, so only the header is decoded, as Wireshark does) and a repeated THIRD_PARTY or
/// PREFER_FAILURE (<c>pcp.duplicate_option</c>, which §13.1/§13.2 forbid). Error responses that stop after the
/// common header are accepted. Unknown options are kept with their code and data.
/// </remarks>
public static class PcpParser
{
    /// <summary>Options kept per message; real clients send one to three.</summary>
    public const int MaxOptions = 16;

    /// <summary>
    /// Returns <see cref="ParseStatus.Ok"/> with a message (and possibly a tolerated <paramref name="issue"/>), or
    /// <see cref="ParseStatus.Invalid"/> with no message and the reason in <paramref name="issue"/>. Never throws.
    /// </summary>
    public static ParseStatus TryParse(ReadOnlySpan<byte> datagram, in PacketInfo packet,
        out PcpMessage? message, out ParseIssue issue)
    {
        message = null;
        if (datagram.Length > PcpFields.VersionOffset && datagram[PcpFields.VersionOffset] != PcpFields.Version)
        {
            issue = new(PcpAnomalyIds.BadVersion, "version " + datagram[PcpFields.VersionOffset].ToString(CultureInfo.InvariantCulture));
            return ParseStatus.Invalid;
        }
        if (datagram.Length < PcpFields.HeaderLength)
        {
            issue = Fail(PcpAnomalyIds.TruncatedHeader, $"{datagram.Length} bytes, the header needs {PcpFields.HeaderLength}");
            return ParseStatus.Invalid;
        }
        if (datagram.Length > PcpFields.MaxMessageLength)
        {
            issue = Fail(PcpAnomalyIds.MessageTooLong, $"{datagram.Length} bytes, at most {PcpFields.MaxMessageLength}");
            return ParseStatus.Invalid;
        }

        byte rOpcode = datagram[PcpFields.OpcodeOffset];
        bool isResponse = (rOpcode & PcpFields.ResponseBit) != 0;
        byte opcode = (byte)(rOpcode & PcpFields.OpcodeMask);
        byte? resultCode = isResponse ? datagram[PcpFields.ResultCodeOffset] : null;
        var kind = (PcpOpcode)opcode;
        bool isKnown = Enum.IsDefined(kind);
        int dataLength = kind switch
        {
            PcpOpcode.Map => PcpFields.MapDataLength,
            PcpOpcode.Peer => PcpFields.PeerDataLength,
            _ => 0,
        };
        // An error response may carry no opcode data when the server could not parse the request (§8.3).
        // An unknown opcode's data cannot be delimited from its options: only the header is decoded.
        bool headerOnly = !isKnown
            || (resultCode is { } result && result != (byte)PcpResultCode.Success && datagram.Length == PcpFields.HeaderLength);
        if (headerOnly) dataLength = 0;
        if (datagram.Length < PcpFields.HeaderLength + dataLength)
        {
            issue = Fail(PcpAnomalyIds.TruncatedBody, $"{datagram.Length} bytes, {PcpMessage.NameOf(opcode, isResponse)} needs {PcpFields.HeaderLength + dataLength}");
            return ParseStatus.Invalid;
        }

        int optionCount = 0;
        var optionArea = datagram[(PcpFields.HeaderLength + dataLength)..];
        if (!headerOnly)
        {
            issue = PcpOptionReader.Validate(optionArea, MaxOptions, out optionCount);
            if (!issue.IsNone) return ParseStatus.Invalid;
        }

        var data = datagram.Slice(PcpFields.HeaderLength, dataLength);
        bool isPeer = kind == PcpOpcode.Peer;
        bool hasMapData = dataLength >= PcpFields.MapDataLength;
        message = new PcpMessage(packet)
        {
            Version = PcpFields.Version,
            Opcode = opcode,
            IsResponse = isResponse,
            ResultCode = resultCode,
            Lifetime = BinaryPrimitives.ReadUInt32BigEndian(
                datagram[(isResponse ? PcpFields.ResponseLifetimeOffset : PcpFields.RequestLifetimeOffset)..]),
            Epoch = isResponse ? BinaryPrimitives.ReadUInt32BigEndian(datagram[PcpFields.EpochOffset..]) : null,
            ClientAddress = isResponse ? null
                : ReadAddress(datagram.Slice(PcpFields.ClientAddressOffset, PcpFields.AddressLength)),
            Nonce = hasMapData ? Convert.ToHexStringLower(data.Slice(PcpFields.NonceOffset, PcpFields.NonceLength)) : null,
            ProtocolNumber = hasMapData ? data[PcpFields.ProtocolOffset] : null,
            InternalPort = hasMapData ? BinaryPrimitives.ReadUInt16BigEndian(data[PcpFields.InternalPortOffset..]) : null,
            ExternalPort = hasMapData ? BinaryPrimitives.ReadUInt16BigEndian(data[PcpFields.ExternalPortOffset..]) : null,
            ExternalAddress = hasMapData
                ? ReadAddress(data.Slice(PcpFields.ExternalAddressOffset, PcpFields.AddressLength)) : null,
            RemotePort = isPeer && hasMapData ? BinaryPrimitives.ReadUInt16BigEndian(data[PcpFields.RemotePortOffset..]) : null,
            RemoteAddress = isPeer && hasMapData
                ? ReadAddress(data.Slice(PcpFields.RemoteAddressOffset, PcpFields.AddressLength)) : null,
            Options = optionCount == 0 ? [] : PcpOptionReader.Read(optionArea, optionCount),
        };
        issue = !isKnown
            ? new(PcpAnomalyIds.UnknownOpcode, "opcode " + opcode.ToString(CultureInfo.InvariantCulture))
            : PcpOptionReader.FindDuplicate(message.Options);
        return ParseStatus.Ok;
    }

    /// <summary>A 128-bit PCP address; IPv4 travels IPv4-mapped (::ffff:a.b.c.d, §5) and is returned as IPv4.</summary>
    internal static NetAddress ReadAddress(ReadOnlySpan<byte> sixteenBytes)
    {
        ReadOnlySpan<byte> v4MappedPrefix = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF];
        return sixteenBytes.StartsWith(v4MappedPrefix)
            ? NetAddress.FromV4(sixteenBytes[v4MappedPrefix.Length..])
            : NetAddress.FromV6(sixteenBytes);
    }

    internal static ParseIssue Fail(string id, FormattableString detail) =>
        new(id, detail.ToString(CultureInfo.InvariantCulture));
}
