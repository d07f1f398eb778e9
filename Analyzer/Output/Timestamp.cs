using System.Globalization;

namespace Analyzer.Output;

/// <summary>Capture times as the outputs write them: ISO-8601 UTC with microseconds.</summary>
public static class Timestamp
{
    public static string Format(long unixMicros) =>
        DateTime.UnixEpoch.AddTicks(unixMicros * 10).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

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
