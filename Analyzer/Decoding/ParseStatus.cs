namespace Analyzer.Decoding;

/// <summary>
/// The three outcomes of every parser (STYLE.md §4): wait for more bytes and consume nothing, skip a malformed
/// message and record why, or a decoded message.
/// </summary>
public enum ParseStatus : byte
{
    Incomplete,
    Invalid,
    Ok,
}
