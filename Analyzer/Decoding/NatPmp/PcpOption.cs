using System.Globalization;

namespace Analyzer.Decoding.NatPmp;

/// <summary>
/// One PCP option (RFC 6887 §7.3, §13). <see cref="Length"/> is the option length as sent (without padding).
/// THIRD_PARTY fills <see cref="Address"/>; FILTER fills <see cref="PrefixLength"/>, <see cref="Port"/> and
/// <see cref="Address"/>; PREFER_FAILURE carries nothing; any other option keeps its data as lower-case hex in
/// <see cref="DataHex"/>, cut to <see cref="MaxDataHexBytes"/> bytes.
/// </summary>
public sealed record PcpOption(byte Code, ushort Length)
{
    public const int MaxDataHexBytes = 64;

    public NetAddress? Address { get; init; }
    public byte? PrefixLength { get; init; }
    public ushort? Port { get; init; }
    public string? DataHex { get; init; }

    public bool IsKnown => Code is >= (byte)PcpOptionCode.ThirdParty and <= (byte)PcpOptionCode.Filter;

    /// <summary>The field name this option has in <see cref="PcpMessage.Fields"/>.</summary>
    public string FieldName => Code switch
    {
        (byte)PcpOptionCode.ThirdParty => "third_party",
        (byte)PcpOptionCode.PreferFailure => "prefer_failure",
        (byte)PcpOptionCode.Filter => "filter",
        _ => "option_" + Code.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The option's value as output text: an address, <c>true</c>, <c>prefix=… port=… addr=…</c>, or hex.</summary>
    public string ValueText => Code switch
    {
        (byte)PcpOptionCode.ThirdParty => Address?.ToString() ?? "",
        (byte)PcpOptionCode.PreferFailure => "true",
        (byte)PcpOptionCode.Filter => string.Create(CultureInfo.InvariantCulture,
            $"prefix={PrefixLength} port={Port} addr={Address}"),
        _ => DataHex ?? "",
    };
}
