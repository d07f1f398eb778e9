namespace Analyzer.Cli;

/// <summary>One-line messages on stderr, the only way the CLI reports problems.</summary>
public static class CliConsole
{
    /// <summary>Set by --quiet: only errors and warnings are printed.</summary>
    public static bool Quiet { get; set; }

    public static void Error(string message) => Console.Error.WriteLine("error: " + message);
    public static void Warn(string message) => Console.Error.WriteLine("warning: " + message);

    public static void Info(string message)
    {
        if (!Quiet) Console.Error.WriteLine(message);
    }
}
