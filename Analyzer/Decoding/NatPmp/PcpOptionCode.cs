namespace Analyzer.Decoding.NatPmp;

/// <summary>The PCP options RFC 6887 defines (§13). Codes 0–127 are mandatory to process, 128–255 optional.</summary>
public enum PcpOptionCode : byte
{
    ThirdParty = 1,
    PreferFailure = 2,
    Filter = 3,
}
