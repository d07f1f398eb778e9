using System.Buffers.Binary;
using System.Globalization;

namespace Analyzer.Decoding.NatPmp;

/// <summary>
/// Walks the PCP options that follow the opcode data (RFC 6887 §7.3). Each option is a 4-octet header and
/// Option Length octets of data padded with zeros to a multiple of 4; the length does not count the padding.
/// <see cref="Validate"/> checks the whole area without allocating, so that a malformed message costs nothing;
/// <see cref="Read"/> then builds the options of an area that passed.
/// </summary>
internal static class PcpOptionReader
{
    /// <summary>Finds the first structural fault, counting the options on the way.</summary>
    public static ParseIssue Validate(ReadOnlySpan<byte> area, int maxOptions, out int count)
    {
        count = 0;
        int offset = 0;
        while (offset < area.Length)
        {
            var rest = area[offset..];
            if (rest.Length < PcpFields.OptionHeaderLength)
            {
                return PcpParser.Fail(PcpAnomalyIds.TruncatedOption,
                    $"{rest.Length} bytes left at offset {offset}, an option header needs {PcpFields.OptionHeaderLength}");
            }
            if (count == maxOptions)
            {
                return PcpParser.Fail(PcpAnomalyIds.TooManyOptions, $"more than {maxOptions} options");
            }
            byte code = rest[PcpFields.OptionCodeOffset];
            int length = BinaryPrimitives.ReadUInt16BigEndian(rest[PcpFields.OptionLengthOffset..]);
            int available = rest.Length - PcpFields.OptionHeaderLength;
            if (length > available)
            {
                return PcpParser.Fail(PcpAnomalyIds.TruncatedOption, $"option {code} has length {length}, {available} bytes left");
            }
            int padded = Padded(length);
            if (padded > available)
            {
                return PcpParser.Fail(PcpAnomalyIds.OptionLengthNotMultipleOf4,
                    $"option {code} has length {length} and {available - length} of {padded - length} padding bytes");
            }
            int expected = (PcpOptionCode)code switch
            {
                PcpOptionCode.ThirdParty => PcpFields.ThirdPartyDataLength,
                PcpOptionCode.PreferFailure => PcpFields.PreferFailureDataLength,
                PcpOptionCode.Filter => PcpFields.FilterDataLength,
                _ => length,
            };
            if (length != expected)
            {
                return PcpParser.Fail(PcpAnomalyIds.BadOptionLength, $"option {code} has length {length}, not {expected}");
            }
            count++;
            offset += PcpFields.OptionHeaderLength + padded;
        }
        return ParseIssue.None;
    }

    /// <summary>Builds the <paramref name="count"/> options of an area that <see cref="Validate"/> accepted.</summary>
    public static PcpOption[] Read(ReadOnlySpan<byte> area, int count)
    {
        var options = new PcpOption[count];
        int offset = 0;
        for (int i = 0; i < count; i++)
        {
            var rest = area[offset..];
            byte code = rest[PcpFields.OptionCodeOffset];
            ushort length = BinaryPrimitives.ReadUInt16BigEndian(rest[PcpFields.OptionLengthOffset..]);
            var data = rest.Slice(PcpFields.OptionHeaderLength, length);
            options[i] = (PcpOptionCode)code switch
            {
                PcpOptionCode.ThirdParty => new PcpOption(code, length) { Address = PcpParser.ReadAddress(data) },
                PcpOptionCode.PreferFailure => new PcpOption(code, length),
                PcpOptionCode.Filter => new PcpOption(code, length)
                {
                    PrefixLength = data[PcpFields.FilterPrefixLengthOffset],
                    Port = BinaryPrimitives.ReadUInt16BigEndian(data[PcpFields.FilterRemotePortOffset..]),
                    Address = PcpParser.ReadAddress(data.Slice(PcpFields.FilterRemoteAddressOffset, PcpFields.AddressLength)),
                },
                _ => new PcpOption(code, length) { DataHex = Hex(data) },
            };
            offset += PcpFields.OptionHeaderLength + Padded(length);
        }
        return options;
    }

    /// <summary>§13.1 and §13.2: THIRD_PARTY and PREFER_FAILURE may appear at most once.</summary>
    public static ParseIssue FindDuplicate(IReadOnlyList<PcpOption> options)
    {
        for (int i = 0; i < options.Count; i++)
        {
            byte code = options[i].Code;
            if (code is not ((byte)PcpOptionCode.ThirdParty or (byte)PcpOptionCode.PreferFailure)) continue;
            for (int j = i + 1; j < options.Count; j++)
            {
                if (options[j].Code == code)
                {
                    return new(PcpAnomalyIds.DuplicateOption, "option " + code.ToString(CultureInfo.InvariantCulture) + " repeated");
                }
            }
        }
        return ParseIssue.None;
    }

    private static int Padded(int length) => (length + PcpFields.Alignment - 1) & ~(PcpFields.Alignment - 1);

    /// <summary>Unknown option data as hex, cut to <see cref="PcpOption.MaxDataHexBytes"/> bytes and marked with "…".</summary>
    private static string Hex(ReadOnlySpan<byte> data) => data.Length <= PcpOption.MaxDataHexBytes
        ? Convert.ToHexStringLower(data)
        : Convert.ToHexStringLower(data[..PcpOption.MaxDataHexBytes]) + "…";
}
