using System.CommandLine;
using System.CommandLine.Help;
using Analyzer.Tests.Support;

namespace Analyzer.Tests.Cli;

/// <summary>
/// The program's own command-line model, walked verb by verb and option by option, so that an option added later is
/// tested without a new test. Gives each option the value it cannot take and each verb the arguments it requires.
/// </summary>
public static class CommandLineModel
{
    public static RootCommand Root { get; } = Analyzer.Cli.CommandLine.CreateRoot();

    /// <summary>Every command that runs something: the verbs, and the verbs under a group such as <c>fleet</c>.</summary>
    public static IEnumerable<Command> Verbs => Root.Subcommands.SelectMany(v => v.Subcommands.Count == 0 ? [v] : v.Subcommands);

    /// <summary>The words naming a verb on the command line: <c>analyze</c>, <c>fleet report</c>.</summary>
    public static string PathOf(Command verb) =>
        verb.Parents.OfType<Command>().FirstOrDefault() is { } parent && parent is not RootCommand ? parent.Name + " " + verb.Name : verb.Name;

    public static Command Verb(string name) => Verbs.Single(v => PathOf(v) == name);

    /// <summary>Every option of the verb but the built-in --help and --version.</summary>
    public static IEnumerable<Option> Options(Command verb) =>
        verb.Options.Where(o => o is not HelpOption and not VersionOption);

    /// <summary>The capture each run is given: were it analyzed, an alert file would appear.</summary>
    public const string Capture = "in.pcap";

    /// <summary>
    /// Arguments that satisfy the verb apart from <paramref name="except"/>: its file arguments, required options,
    /// and for sniff a duration, so that a check that failed to stop it would not run forever.
    /// </summary>
    public static List<string> BaseArguments(Command verb, Option? except = null)
    {
        var args = PathOf(verb).Split(' ').ToList();
        foreach (var argument in verb.Arguments)
            if (argument.Arity.MinimumNumberOfValues > 0) args.Add(Capture);
        foreach (var option in Options(verb))
        {
            if (option == except) continue;
            if (option.Required)
                args.AddRange([option.Name, option.ValueType == typeof(string[]) ? "labels.csv" : option.Name is "--redis" or "--publish" ? "redis://127.0.0.1:1" : "lo"]);
            else if (verb.Name == "sniff" && option.Name == "--duration") args.AddRange([option.Name, "1"]);
        }
        return args;
    }

    /// <summary>The option given a value it cannot take, as one would type it (a flag with =value, a value left out).</summary>
    public static string[] Malformed(Option option)
    {
        var type = Nullable.GetUnderlyingType(option.ValueType) ?? option.ValueType;
        if (type == typeof(bool)) return [option.Name + "=maybe"];
        if (type == typeof(int) || type == typeof(long) || type == typeof(double)) return [option.Name, "abc"];
        if (type.IsEnum) return [option.Name, "extreme"];
        // A text, path or list option with its value left out (the option is the last word).
        return [option.Name];
    }

    /// <summary>Copies a small capture into the directory, as <see cref="Capture"/>.</summary>
    public static void PlaceCapture(TempDir dir) =>
        File.Copy(Path.Combine(Repo.Samples, "cast-port-exposure.pcap"), dir.File(Capture));
}
