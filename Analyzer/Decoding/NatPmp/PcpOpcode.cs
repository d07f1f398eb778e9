namespace Analyzer.Decoding.NatPmp;

/// <summary>PCP opcodes (RFC 6887 §19.2), without the R bit.</summary>
public enum PcpOpcode : byte
{
    Announce = 0,
    Map = 1,
    Peer = 2,
}
