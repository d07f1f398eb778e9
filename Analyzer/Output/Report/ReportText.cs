using System.Globalization;
using System.Text;

namespace Analyzer.Output.Report;

/// <summary>
/// Makes device- and attacker-supplied text safe to show in a terminal or a page cell: control characters (C0, DEL,
/// C1: terminal escapes) become \xNN, and the text is cut at a display cap with an ellipsis.
/// </summary>
public static class ReportText
{
    /// <summary>Characters shown per cell in the terminal tables.</summary>
    public const int MaxCellChars = 48;

    public static string Cell(string? value, int max = MaxCellChars)
    {
        if (string.IsNullOrEmpty(value)) return "";
        var sb = new StringBuilder(Math.Min(value.Length, max) + 4);
        foreach (char c in value)
        {
            if (sb.Length >= max)
            {
                sb.Length = max - 1;
                sb.Append('…');
                break;
            }
            if (c < 0x20 || c is >= (char)0x7F and <= (char)0x9F) sb.Append("\\x").Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            else sb.Append(c);
        }
        return sb.ToString();
    }

    public static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    public static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>A capture time to the second, the precision a person reads a report at.</summary>
    public static string Time(long us) => us == 0 ? "" : Timestamp.Format(us)[..19].Replace('T', ' ');
}
