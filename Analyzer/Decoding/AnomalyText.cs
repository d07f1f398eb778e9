using System.Text;

namespace Analyzer.Decoding;

/// <summary>Turns attacker-supplied bytes into short printable text for anomaly details and summaries.</summary>
public static class AnomalyText
{
    public const int MaxDetailChars = 120;

    /// <summary>ASCII text with every non-printable byte as \xNN, cut to <paramref name="maxChars"/> with "…".</summary>
    public static string Escape(ReadOnlySpan<byte> bytes, int maxChars = MaxDetailChars)
    {
        var sb = new StringBuilder(Math.Min(bytes.Length, maxChars) + 8);
        foreach (byte b in bytes)
        {
            if (sb.Length >= maxChars) { sb.Append('…'); break; }
            if (b >= 0x20 && b < 0x7F && b != (byte)'\\') sb.Append((char)b);
            else sb.Append("\\x").Append(b.ToString("X2"));
        }
        return sb.ToString();
    }
}
