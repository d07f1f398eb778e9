using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Analyzer.Cli.Usage;

/// <summary>
/// Finds an option the chosen verb does not have, or a verb that does not exist, before the parser can take it for
/// a file name, and names the closest valid one. Everything after <c>--</c> is a file name, whatever it looks like.
/// </summary>
public static class UnknownTokens
{
    /// <summary>The one-line message for the first unknown option or verb, or null when there is none.</summary>
    public static string? Find(ParseResult parse, IReadOnlyList<string> args)
    {
        var command = parse.CommandResult.Command;
        if (MisusedFlag(command, args) is { } misused) return misused;
        foreach (var token in parse.Tokens)
        {
            if (token.Type == TokenType.DoubleDash) break;
            if (token.Type != TokenType.Argument) continue;
            string text = token.Value;
            if (text.Length > 1 && text[0] == '-' && !IsNumber(text))
            {
                string name = text.Split('=', 2)[0];
                return $"unknown option '{name}' for '{CommandPath(command)}'; closest valid option: '{Closest(name, OptionNames(command))}'";
            }
        }
        if (command.Parents.Any()) return null;
        // At the top level any word is a mistyped verb: the root takes no file names.
        foreach (var token in parse.UnmatchedTokens)
            if (token.Length > 0 && token[0] != '-')
                return $"unknown command '{token}'; closest valid command: '{Closest(token, command.Subcommands.Select(c => c.Name))}'";
        return null;
    }

    /// <summary>
    /// A flag given a value it cannot take (<c>--no-rules=maybe</c>): the parser would split it and take the value
    /// for a file name.
    /// </summary>
    private static string? MisusedFlag(Command command, IReadOnlyList<string> args)
    {
        foreach (string arg in args)
        {
            if (arg == "--") break;
            int equals = arg.IndexOf('=');
            if (!arg.StartsWith('-') || equals < 0) continue;
            string name = arg[..equals], value = arg[(equals + 1)..];
            var option = command.Options.FirstOrDefault(o => o.Name == name || o.Aliases.Contains(name));
            if (option?.ValueType == typeof(bool) && !bool.TryParse(value, out _))
                return NumberRange.Message(name, value, "true or false (or the option alone)");
        }
        return null;
    }

    private static bool IsNumber(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    /// <summary>The words that reach the command: <c>analyzer</c>, <c>analyzer report</c>, <c>analyzer fleet report</c>.</summary>
    private static string CommandPath(Command command)
    {
        var words = new List<string>();
        for (var c = command; c.Parents.OfType<Command>().FirstOrDefault() is { } parent; c = parent) words.Insert(0, c.Name);
        return string.Join(' ', ["analyzer", .. words]);
    }

    /// <summary>The verb's own options and the ones every verb inherits (--help).</summary>
    public static IEnumerable<string> OptionNames(Command command)
    {
        var options = command.Options.AsEnumerable();
        for (var parent = command.Parents.OfType<Command>().FirstOrDefault(); parent is not null; parent = parent.Parents.OfType<Command>().FirstOrDefault())
            options = options.Concat(parent.Options.Where(o => o.Recursive));
        return options.SelectMany(o => o.Aliases.Prepend(o.Name)).Distinct();
    }

    public static string Closest(string typed, IEnumerable<string> valid) =>
        valid.OrderBy(v => Distance(typed, v)).ThenBy(v => v, StringComparer.Ordinal).First();

    /// <summary>Edit distance (insertions, deletions, substitutions), case-insensitive.</summary>
    public static int Distance(string a, string b)
    {
        a = a.ToLowerInvariant();
        b = b.ToLowerInvariant();
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) previous[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
