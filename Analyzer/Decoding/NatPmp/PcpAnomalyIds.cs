namespace Analyzer.Decoding.NatPmp;

/// <summary>Stable ids of the <see cref="DecodeAnomaly"/> records of the PCP decoder (RFC 6887); rules match on these.</summary>
public static class PcpAnomalyIds
{
    public const string BadVersion = "pcp.bad_version";
    public const string TruncatedHeader = "pcp.truncated_header";
    public const string MessageTooLong = "pcp.message_too_long";
    public const string TruncatedBody = "pcp.truncated_body";
    public const string UnknownOpcode = "pcp.unknown_opcode";
    public const string TruncatedOption = "pcp.truncated_option";
    public const string TooManyOptions = "pcp.too_many_options";
    public const string OptionLengthNotMultipleOf4 = "pcp.option_length_not_multiple_of_4";
    public const string BadOptionLength = "pcp.bad_option_length";
    public const string DuplicateOption = "pcp.duplicate_option";

    /// <summary>Every id above: a PCP request the decoder could not read as the RFC says.</summary>
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        BadVersion, TruncatedHeader, MessageTooLong, TruncatedBody, UnknownOpcode, TruncatedOption, TooManyOptions,
        OptionLengthNotMultipleOf4, BadOptionLength, DuplicateOption,
    };
}
