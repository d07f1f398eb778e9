using System.Buffers.Binary;
using System.Globalization;

namespace Analyzer.Decoding.NatPmp;

/// <summary>
/// Decodes one NAT-PMP datagram (RFC 6886 §3; the field diagram is on <see cref="NatPmpFields"/>).
/// </summary>
/// <remarks>
/// A datagram is always whole, so there is no <see cref="ParseStatus.Incomplete"/>: a short one is
/// <see cref="ParseStatus.Invalid"/> (<c>natpmp.truncated</c>), as is any version but 0
/// (<c>natpmp.unsupported_version</c>). Tolerated, decoded and reported as an issue next to the message: an unknown
/// opcode (<c>natpmp.unknown_opcode</c>; decoded as far as the common header goes, as Wireshark does) and bytes past
/// the end of a known message (<c>natpmp.bad_length</c>; gateways such as miniupnpd act on such requests, so they
/// must still be seen). An error response may stop after the epoch: §3.5's Unsupported Version reply is 8 bytes.
/// </remarks>
public static class NatPmpParser
{
    /// <summary>
    /// Returns <see cref="ParseStatus.Ok"/> with a message (and possibly a tolerated <paramref name="issue"/>), or
    /// <see cref="ParseStatus.Invalid"/> with no message and the reason in <paramref name="issue"/>. Never throws.
    /// </summary>
    public static ParseStatus TryParse(ReadOnlySpan<byte> datagram, in PacketInfo packet,
        out NatPmpMessage? message, out ParseIssue issue)
    {
        message = null;
        if (datagram.Length < NatPmpFields.CommonHeaderLength)
        {
            issue = Truncated(datagram.Length, NatPmpFields.CommonHeaderLength, "a NAT-PMP header");
            return ParseStatus.Invalid;
        }
        byte version = datagram[NatPmpFields.VersionOffset];
        if (version != NatPmpFields.Version)
        {
            issue = new(NatPmpAnomalyIds.UnsupportedVersion, "version " + version.ToString(CultureInfo.InvariantCulture));
            return ParseStatus.Invalid;
        }
        byte opcode = datagram[NatPmpFields.OpcodeOffset];
        return opcode < NatPmpFields.ResponseBit
            ? TryParseRequest(datagram, packet, opcode, out message, out issue)
            : TryParseResponse(datagram, packet, opcode, out message, out issue);
    }

    private static ParseStatus TryParseRequest(ReadOnlySpan<byte> datagram, in PacketInfo packet, byte opcode,
        out NatPmpMessage? message, out ParseIssue issue)
    {
        message = null;
        bool isMap = (NatPmpOpcode)opcode is NatPmpOpcode.MapUdpRequest or NatPmpOpcode.MapTcpRequest;
        int expected = isMap ? NatPmpFields.MapRequestLength : NatPmpFields.CommonHeaderLength;
        if (datagram.Length < expected)
        {
            issue = Truncated(datagram.Length, expected, NatPmpMessage.NameOf(opcode));
            return ParseStatus.Invalid;
        }
        message = isMap
            ? new NatPmpMessage(packet)
            {
                Version = NatPmpFields.Version,
                Opcode = opcode,
                InternalPort = BinaryPrimitives.ReadUInt16BigEndian(datagram[NatPmpFields.RequestInternalPortOffset..]),
                ExternalPort = BinaryPrimitives.ReadUInt16BigEndian(datagram[NatPmpFields.RequestExternalPortOffset..]),
                Lifetime = BinaryPrimitives.ReadUInt32BigEndian(datagram[NatPmpFields.RequestLifetimeOffset..]),
            }
            : new NatPmpMessage(packet) { Version = NatPmpFields.Version, Opcode = opcode };
        issue = Annotate(message, datagram.Length, expected);
        return ParseStatus.Ok;
    }

    private static ParseStatus TryParseResponse(ReadOnlySpan<byte> datagram, in PacketInfo packet, byte opcode,
        out NatPmpMessage? message, out ParseIssue issue)
    {
        message = null;
        if (datagram.Length < NatPmpFields.ResponseHeaderLength)
        {
            issue = Truncated(datagram.Length, NatPmpFields.ResponseHeaderLength, NatPmpMessage.NameOf(opcode));
            return ParseStatus.Invalid;
        }
        ushort result = BinaryPrimitives.ReadUInt16BigEndian(datagram[NatPmpFields.ResultCodeOffset..]);
        uint epoch = BinaryPrimitives.ReadUInt32BigEndian(datagram[NatPmpFields.EpochOffset..]);
        var kind = (NatPmpOpcode)opcode;
        int expected = kind switch
        {
            NatPmpOpcode.ExternalAddressResponse => NatPmpFields.ExternalAddressResponseLength,
            NatPmpOpcode.MapUdpResponse or NatPmpOpcode.MapTcpResponse => NatPmpFields.MapResponseLength,
            _ => NatPmpFields.ResponseHeaderLength,
        };
        bool headerOnly = datagram.Length == NatPmpFields.ResponseHeaderLength
            && result != (ushort)NatPmpResultCode.Success;
        if (headerOnly)
        {
            expected = NatPmpFields.ResponseHeaderLength;
        }
        else if (datagram.Length < expected)
        {
            issue = Truncated(datagram.Length, expected, NatPmpMessage.NameOf(opcode));
            return ParseStatus.Invalid;
        }

        NetAddress? externalAddress = null;
        ushort? internalPort = null, externalPort = null;
        uint? lifetime = null;
        if (!headerOnly && kind == NatPmpOpcode.ExternalAddressResponse)
        {
            externalAddress = NetAddress.FromV4(datagram.Slice(NatPmpFields.ExternalAddressOffset, NatPmpFields.AddressLength));
        }
        else if (!headerOnly && kind is NatPmpOpcode.MapUdpResponse or NatPmpOpcode.MapTcpResponse)
        {
            internalPort = BinaryPrimitives.ReadUInt16BigEndian(datagram[NatPmpFields.ResponseInternalPortOffset..]);
            externalPort = BinaryPrimitives.ReadUInt16BigEndian(datagram[NatPmpFields.ResponseExternalPortOffset..]);
            lifetime = BinaryPrimitives.ReadUInt32BigEndian(datagram[NatPmpFields.ResponseLifetimeOffset..]);
        }
        message = new NatPmpMessage(packet)
        {
            Version = NatPmpFields.Version,
            Opcode = opcode,
            ResultCode = result,
            Epoch = epoch,
            ExternalAddress = externalAddress,
            InternalPort = internalPort,
            ExternalPort = externalPort,
            Lifetime = lifetime,
        };
        issue = Annotate(message, datagram.Length, expected);
        return ParseStatus.Ok;
    }

    /// <summary>What a decoded message still has wrong: an unknown opcode, or bytes past its end.</summary>
    private static ParseIssue Annotate(NatPmpMessage message, int length, int expected)
    {
        if (!message.IsKnownOpcode)
        {
            return new(NatPmpAnomalyIds.UnknownOpcode, "opcode " + message.Opcode.ToString(CultureInfo.InvariantCulture));
        }
        if (length > expected)
        {
            return new(NatPmpAnomalyIds.BadLength, string.Create(CultureInfo.InvariantCulture,
                $"{length} bytes, {message.Message} has {expected}"));
        }
        return ParseIssue.None;
    }

    private static ParseIssue Truncated(int length, int needed, string what) =>
        new(NatPmpAnomalyIds.Truncated, string.Create(CultureInfo.InvariantCulture, $"{length} bytes, {what} needs {needed}"));
}
