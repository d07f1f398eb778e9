namespace Analyzer.Reassembly;

/// <summary>
/// TCP sequence-number arithmetic modulo 2^32 (RFC 9293 §3.4): differences are read as signed 32-bit values so
/// that comparisons keep working across the wrap from 0xFFFFFFFF to 0.
/// </summary>
internal static class SequenceNumber
{
    /// <summary><paramref name="a"/> − <paramref name="b"/>, negative when <paramref name="a"/> is before <paramref name="b"/>.</summary>
    public static int Diff(uint a, uint b) => unchecked((int)(a - b));

    public static uint Add(uint seq, int count) => unchecked(seq + (uint)count);
}
