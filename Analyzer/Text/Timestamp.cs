using System.Globalization;

namespace Analyzer.Text;

/// <summary>Capture times as the outputs write them: ISO-8601 UTC with microseconds.</summary>
public static class Timestamp
{
    // Rows come in time order, many within one second: the date and time up to the second are formatted once.
    [ThreadStatic] private static long t_cachedSecond;
    [ThreadStatic] private static string? t_cachedPrefix;

    public static string Format(long unixMicros)
    {
        long second = Math.DivRem(unixMicros, 1_000_000, out long micros);
        if (micros < 0) { second--; micros += 1_000_000; }
        if (t_cachedPrefix is null || second != t_cachedSecond)
        {
            t_cachedPrefix = DateTime.UnixEpoch.AddSeconds(second).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
            t_cachedSecond = second;
        }
        string prefix = t_cachedPrefix;
        return string.Create(prefix.Length + 8, (prefix, (int)micros), static (span, state) =>
        {
            state.prefix.CopyTo(span);
            span[state.prefix.Length] = '.';
            int m = state.Item2;
            for (int i = state.prefix.Length + 6; i > state.prefix.Length; i--, m /= 10) span[i] = (char)('0' + m % 10);
            span[^1] = 'Z';
        });
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
