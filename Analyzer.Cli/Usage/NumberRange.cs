using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Analyzer.Cli.Usage;

/// <summary>
/// Gives a numeric option its range and one parser: a value that is not a number, or is out of range, is a usage
/// error of one line naming the option, the value and what is expected (never a conversion exception).
/// </summary>
public static class NumberRange
{
    public static Option<int> Whole(Option<int> option, int min, int max, string unit = "")
    {
        option.CustomParser = r => (int)(ReadWhole(r, option.Name, min, max, unit) ?? 0);
        return option;
    }

    public static Option<int?> Whole(Option<int?> option, int min, int max, string unit = "")
    {
        option.CustomParser = r => ReadWhole(r, option.Name, min, max, unit) is { } v ? (int)v : null;
        return option;
    }

    public static Option<long> Whole(Option<long> option, long min, long max, string unit = "")
    {
        option.CustomParser = r => ReadWhole(r, option.Name, min, max, unit) ?? 0;
        return option;
    }

    public static Option<long?> Whole(Option<long?> option, long min, long max, string unit = "")
    {
        option.CustomParser = r => ReadWhole(r, option.Name, min, max, unit);
        return option;
    }

    /// <summary>A number with a fraction allowed; <paramref name="aboveMin"/> excludes <paramref name="min"/> itself.</summary>
    public static Option<double> Real(Option<double> option, double min, double max, bool aboveMin, string unit = "")
    {
        option.CustomParser = r => ReadReal(r, option.Name, min, max, aboveMin, unit) ?? 0;
        return option;
    }

    public static Option<double?> Real(Option<double?> option, double min, double max, bool aboveMin, string unit = "")
    {
        option.CustomParser = r => ReadReal(r, option.Name, min, max, aboveMin, unit);
        return option;
    }

    private static long? ReadWhole(ArgumentResult result, string name, long min, long max, string unit)
    {
        if (result.Tokens.Count == 0) return null;
        string text = result.Tokens[^1].Value;
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value) && value >= min && value <= max)
            return value;
        result.AddError(Message(name, text, "a whole number" + Unit(unit) + " " + Range(min, max, false)));
        return null;
    }

    private static double? ReadReal(ArgumentResult result, string name, double min, double max, bool aboveMin, string unit)
    {
        if (result.Tokens.Count == 0) return null;
        string text = result.Tokens[^1].Value;
        if (double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double value)
            && double.IsFinite(value) && (aboveMin ? value > min : value >= min) && value <= max)
            return value;
        result.AddError(Message(name, text, "a number" + Unit(unit) + " " + Range(min, max, aboveMin)));
        return null;
    }

    public static string Message(string option, string value, string expected) => $"{option} '{value}': expected {expected}";

    private static string Unit(string unit) => unit.Length == 0 ? "" : " of " + unit;

    private static string Range(double min, double max, bool aboveMin)
    {
        var inv = CultureInfo.InvariantCulture;
        if (aboveMin) return string.Create(inv, $"above {min} and at most {max}");
        if (max >= long.MaxValue) return string.Create(inv, $"of at least {min}");
        return string.Create(inv, $"from {min} to {max}");
    }
}
