namespace Analyzer.Cli;

/// <summary>One-line messages on stderr, the only way the CLI reports problems.</summary>
public static class CliConsole
{
    public static void Error(string message) => Console.Error.WriteLine("error: " + message);
    public static void Warn(string message) => Console.Error.WriteLine("warning: " + message);
    public static void Info(string message) => Console.Error.WriteLine(message);
}
