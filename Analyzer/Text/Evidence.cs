using System.Globalization;

namespace Analyzer.Text;

/// <summary>
/// Formats evidence for alert summaries: attacker text is quoted as is but cut (the CSV writer escapes control
/// characters), with its real length when it was cut, so a summary stays one readable line.
/// </summary>
public static class Evidence
{
    /// <summary>Characters of a quoted value kept in a summary.</summary>
    public const int MaxQuotedChars = 160;

    /// <summary>'value' cut to <paramref name="max"/> characters, with "… (N bytes)" when cut or when the real length is larger.</summary>
    public static string Quote(string? value, int realLength = -1, int max = MaxQuotedChars)
    {
        value ??= "";
        int length = Math.Max(realLength, value.Length);
        if (value.Length <= max && length == value.Length) return "'" + value + "'";
        var cut = value.Length <= max ? value : value[..max];
        return string.Create(CultureInfo.InvariantCulture, $"'{cut}…' ({length} bytes)");
    }

    public static string Seconds(long micros) =>
        (micros / 1_000_000.0).ToString("0.###", CultureInfo.InvariantCulture) + " s";

    public static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);

    public static string Number(double n) => n.ToString("0.##", CultureInfo.InvariantCulture);
}
