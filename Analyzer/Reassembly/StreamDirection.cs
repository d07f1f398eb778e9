namespace Analyzer.Reassembly;

/// <summary>
/// The two byte streams of a TCP connection. The originator is the host that sent the SYN; for a connection picked
/// up in the middle, the sender of the first segment seen.
/// </summary>
public enum StreamDirection : byte
{
    FromOriginator = 0,
    FromResponder = 1,
}
