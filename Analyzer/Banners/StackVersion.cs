using System.Globalization;

namespace Analyzer.Banners;

/// <summary>
/// A dotted version number compared part by part as numbers (so 1.10 &gt; 1.9 and miniupnp snapshot dates such as
/// 1.8.20141022 order after 1.8); a missing part counts as 0 (1.4 = 1.4.0 &lt; 1.4.20101221).
/// </summary>
public sealed class StackVersion : IComparable<StackVersion>
{
    /// <summary>Parts kept; real stacks use three (a snapshot date as the third).</summary>
    public const int MaxParts = 4;

    private readonly long[] _parts;

    private StackVersion(long[] parts, string text)
    {
        _parts = parts;
        Text = text;
    }

    public string Text { get; }
    public IReadOnlyList<long> Parts => _parts;

    public static StackVersion Parse(string text) =>
        TryParse(text, out var v) ? v : throw new FormatException($"not a version: '{text}'");

    /// <summary>
    /// Reads digits and dots from the start of <paramref name="text"/> (after optional spaces) and stops at anything
    /// else: "1.6.18" and "1.6.18-rc1" both give 1.6.18. False when no number starts the text.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out StackVersion version)
    {
        version = null!;
        text = text.TrimStart();
        int end = 0;
        while (end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] == '.')) end++;
        var numeric = text[..end].TrimEnd('.');
        if (numeric.IsEmpty || !char.IsAsciiDigit(numeric[0])) return false;
        var parts = new List<long>(MaxParts);
        foreach (var range in numeric.Split('.'))
        {
            var part = numeric[range];
            if (part.IsEmpty || parts.Count == MaxParts) break;
            if (!long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out long n)) return false;
            parts.Add(n);
        }
        version = new StackVersion([.. parts], numeric.ToString());
        return true;
    }

    public int CompareTo(StackVersion? other)
    {
        if (other is null) return 1;
        for (int i = 0; i < Math.Max(_parts.Length, other._parts.Length); i++)
        {
            long a = i < _parts.Length ? _parts[i] : 0, b = i < other._parts.Length ? other._parts[i] : 0;
            if (a != b) return a.CompareTo(b);
        }
        return 0;
    }

    public static bool operator <(StackVersion a, StackVersion b) => a.CompareTo(b) < 0;
    public static bool operator >(StackVersion a, StackVersion b) => a.CompareTo(b) > 0;
    public static bool operator <=(StackVersion a, StackVersion b) => a.CompareTo(b) <= 0;
    public static bool operator >=(StackVersion a, StackVersion b) => a.CompareTo(b) >= 0;

    public override string ToString() => Text;
}
