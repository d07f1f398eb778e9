namespace Analyzer.Text;

/// <summary>MAC addresses as outputs write them: six lower-case hex pairs joined by colons.</summary>
public static class MacText
{
    /// <summary>The MAC held in the low 48 bits; empty for 0 (no link layer).</summary>
    public static string Format(ulong mac) =>
        mac == 0 ? "" : string.Join(':', Enumerable.Range(0, 6).Select(i => ((byte)(mac >> (40 - 8 * i))).ToString("x2")));
}
