namespace Analyzer.Learning;

/// <summary>
/// FNV-1a, 64 bits: a hash that is the same in every process (string.GetHashCode is randomized per process), so that
/// distinct counts and data splits do not change between a training run and a scoring run.
/// </summary>
internal static class StableHash
{
    private const ulong Offset = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    public static ulong Of(ReadOnlySpan<char> text, ulong seed = Offset)
    {
        ulong h = seed;
        foreach (char c in text)
        {
            h = (h ^ (byte)c) * Prime;
            h = (h ^ (byte)(c >> 8)) * Prime;
        }
        return h;
    }

    public static ulong Of(UInt128 value, ulong seed = Offset)
    {
        // Byte by byte from the lowest, as a shift of the whole 128-bit value would give them (but on two halves).
        ulong h = seed;
        ulong half = (ulong)value;
        for (int i = 0; i < 8; i++, half >>= 8) h = (h ^ (byte)half) * Prime;
        half = (ulong)(value >> 64);
        for (int i = 0; i < 8; i++, half >>= 8) h = (h ^ (byte)half) * Prime;
        return h;
    }

    public static ulong Of(long value, ulong seed = Offset) => Of((UInt128)(ulong)value, seed);
}
