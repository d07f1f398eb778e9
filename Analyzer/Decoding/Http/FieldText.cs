using System.Globalization;

namespace Analyzer.Decoding.Http;

/// <summary>
/// Event field values of the HTTP-family decoders: attacker text kept as is but capped at <see cref="MaxChars"/>
/// (the real length goes in a <c>&lt;name&gt;_len</c> field where length is evidence), numbers in invariant culture.
/// </summary>
public static class FieldText
{
    public const int MaxChars = 1024;

    public static string Cap(string value, int maxChars = MaxChars) =>
        value.Length <= maxChars ? value : value[..maxChars];

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static KeyValuePair<string, string> Pair(string name, string value) => new(name, value);

    /// <summary>Adds <paramref name="name"/> when the value is not null, capped, plus its length when capped.</summary>
    public static void AddCapped(List<KeyValuePair<string, string>> fields, string name, string? value)
    {
        if (value is null) return;
        fields.Add(new(name, Cap(value)));
        if (value.Length > MaxChars) fields.Add(new(name + "_len", Number(value.Length)));
    }

    /// <summary>Adds <paramref name="name"/> with its length always, for values whose length is evidence.</summary>
    public static void AddWithLength(List<KeyValuePair<string, string>> fields, string name, string? value)
    {
        if (value is null) return;
        fields.Add(new(name, Cap(value)));
        fields.Add(new(name + "_len", Number(value.Length)));
    }

    public static void AddFlag(List<KeyValuePair<string, string>> fields, string name, bool value)
    {
        if (value) fields.Add(new(name, "1"));
    }

    public static void Add(List<KeyValuePair<string, string>> fields, string name, string? value)
    {
        if (value is not null) fields.Add(new(name, value));
    }
}
