using Analyzer.Cli.Usage;
using Analyzer.Output;

namespace Analyzer.Cli.Commands;

/// <summary>
/// What runs before any output is opened: refuse outputs that collide with an input or with each other (usage
/// error), then make sure each can be created (bad input). Also the end line that names every file written.
/// </summary>
public static class OutputPreflight
{
    /// <summary>The exit code to stop with after the one-line message, or null when every output is safe.</summary>
    public static int? Check(IReadOnlyList<NamedPath> outputs, IReadOnlyList<NamedPath> inputs)
    {
        if (OutputCollisions.Find(outputs, inputs) is { } collision)
        {
            CliConsole.Error(collision);
            return ExitCodes.Usage;
        }
        foreach (var output in outputs)
            if (CsvOutput.CheckWritable(output.Path) is { } problem)
            {
                CliConsole.Error(problem);
                return ExitCodes.BadInput;
            }
        return null;
    }

    public static string WrittenLine(IEnumerable<NamedPath> outputs) =>
        "wrote: " + string.Join(", ", outputs.Select(o => o.Path == "-" ? $"standard output ({o.Role})" : $"{o.Path} ({o.Role})"));
}
