using System.Globalization;

namespace Analyzer.Fuzz;

/// <summary>Command line of the long-running fuzz driver (see fuzz/README.md).</summary>
public sealed record FuzzOptions
{
    public double Minutes { get; init; } = 1;
    public string Target { get; init; } = "all";
    public int Seed { get; init; } = 1;
    public string OutputDirectory { get; init; } = Path.Combine("fuzz", "crashes");
    public double CaseTimeoutSeconds { get; init; } = 10;
    public string? Replay { get; init; }
    public bool List { get; init; }
    public IReadOnlyList<string> SeedDirectories { get; init; } = [];

    public static FuzzOptions Parse(string[] args)
    {
        var options = new FuzzOptions();
        for (int i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException(args[i] + " needs a value");
            options = args[i] switch
            {
                "--minutes" => options with { Minutes = double.Parse(Value(), CultureInfo.InvariantCulture) },
                "--target" => options with { Target = Value() },
                "--seed" => options with { Seed = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--out" => options with { OutputDirectory = Value() },
                "--timeout" => options with { CaseTimeoutSeconds = double.Parse(Value(), CultureInfo.InvariantCulture) },
                "--replay" => options with { Replay = Value() },
                "--list" => options with { List = true },
                "--seeds" => options with { SeedDirectories = [.. options.SeedDirectories, Value()] },
                _ => throw new ArgumentException("unknown option " + args[i]),
            };
        }
        return options;
    }

    public const string Usage =
        "usage: analyzer-fuzz [--target all|NAME[,NAME]] [--minutes M (per target)] [--seed N] [--out DIR] [--timeout S]\n" +
        "                    [--seeds DIR]... (more captures to take seeds from)\n" +
        "       analyzer-fuzz --replay TARGET:CASESEED\n" +
        "       analyzer-fuzz --list";
}
