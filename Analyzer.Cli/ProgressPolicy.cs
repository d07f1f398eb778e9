namespace Analyzer.Cli;

/// <summary>When the progress line is shown: only to a person at a terminal, and only for an input that takes a while.</summary>
public static class ProgressPolicy
{
    /// <summary>A run shorter than this finishes before a progress line would help.</summary>
    public static readonly TimeSpan MinElapsed = TimeSpan.FromSeconds(1);

    /// <summary>Time between two redraws of the line.</summary>
    public static readonly TimeSpan RedrawInterval = TimeSpan.FromMilliseconds(250);

    public static bool Show(bool stderrIsTerminal, TimeSpan elapsed) => stderrIsTerminal && elapsed >= MinElapsed;
}
