using System.Text;

namespace Analyzer.Output;

/// <summary>
/// Makes attacker-controlled text safe for a CSV cell: control characters become \xNN (so one record stays one
/// line in every viewer) and the value is capped. Quoting and the formula guard are CsvHelper's
/// (<see cref="CsvOutput.Options"/>).
/// </summary>
public static class CsvText
{
    public const int MaxCellChars = 4096;

    public static string Clean(string? value)
    {
        if (string.IsNullOrEmpty(value)) return string.Empty;
        bool needs = value.Length > MaxCellChars;
        foreach (char c in value)
            if (c < 0x20 || c == 0x7F) { needs = true; break; }
        if (!needs) return value;
        var sb = new StringBuilder(Math.Min(value.Length, MaxCellChars) + 16);
        foreach (char c in value)
        {
            if (sb.Length >= MaxCellChars) { sb.Append('…'); break; }
            if (c < 0x20 || c == 0x7F) sb.Append("\\x").Append(((int)c).ToString("X2"));
            else sb.Append(c);
        }
        return sb.ToString();
    }
}
