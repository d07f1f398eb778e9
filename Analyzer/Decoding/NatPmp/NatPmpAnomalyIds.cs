namespace Analyzer.Decoding.NatPmp;

/// <summary>Stable ids of the <see cref="DecodeAnomaly"/> records of the NAT-PMP decoder (RFC 6886); rules match on these.</summary>
public static class NatPmpAnomalyIds
{
    /// <summary>A version the decoder does not speak (the PCP draft's 1 among them); a gateway answers it with Unsupported Version.</summary>
    public const string UnsupportedVersion = "natpmp.unsupported_version";
    public const string UnknownOpcode = "natpmp.unknown_opcode";
    /// <summary>A message whose length does not fit its opcode.</summary>
    public const string BadLength = "natpmp.bad_length";
    public const string Truncated = "natpmp.truncated";
}
