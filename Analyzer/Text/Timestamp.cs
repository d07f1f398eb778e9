using System.Globalization;

namespace Analyzer.Text;

/// <summary>Capture times as the outputs write them: ISO-8601 UTC with microseconds.</summary>
public static class Timestamp
{
    // Rows come in time order, many within one second: the date and time up to the second are formatted once.
    [ThreadStatic] private static long t_cachedSecond;
    [ThreadStatic] private static string? t_cachedPrefix;

    /// <summary>Bytes <see cref="FormatUtf8"/> may write.</summary>
    public const int MaxUtf8Bytes = 32;

    public static string Format(long unixMicros)
    {
        string prefix = Prefix(unixMicros, out int micros);
        return string.Create(prefix.Length + 8, (prefix, micros), static (span, state) =>
        {
            state.prefix.CopyTo(span);
            span[state.prefix.Length] = '.';
            int m = state.Item2;
            for (int i = state.prefix.Length + 6; i > state.prefix.Length; i--, m /= 10) span[i] = (char)('0' + m % 10);
            span[^1] = 'Z';
        });
    }

    /// <summary>The text of <see cref="Format"/> as ASCII bytes, without a string; returns the bytes written.</summary>
    public static int FormatUtf8(long unixMicros, Span<byte> destination)
    {
        string prefix = Prefix(unixMicros, out int micros);
        int length = prefix.Length + 8;
        var span = destination[..length];
        for (int i = 0; i < prefix.Length; i++) span[i] = (byte)prefix[i];
        span[prefix.Length] = (byte)'.';
        for (int i = prefix.Length + 6; i > prefix.Length; i--, micros /= 10) span[i] = (byte)('0' + micros % 10);
        span[^1] = (byte)'Z';
        return length;
    }

    private static string Prefix(long unixMicros, out int micros)
    {
        long second = Math.DivRem(unixMicros, 1_000_000, out long rest);
        if (rest < 0) { second--; rest += 1_000_000; }
        micros = (int)rest;
        if (t_cachedPrefix is null || second != t_cachedSecond)
        {
            t_cachedPrefix = DateTime.UnixEpoch.AddSeconds(second).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
            t_cachedSecond = second;
        }
        return t_cachedPrefix;
    }

    public static bool TryParse(string text, out long unixMicros)
    {
        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t))
        {
            unixMicros = (t - DateTime.UnixEpoch).Ticks / 10;
            return true;
        }
        unixMicros = 0;
        return false;
    }
}
