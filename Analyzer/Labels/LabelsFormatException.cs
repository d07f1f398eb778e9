namespace Analyzer.Labels;

/// <summary>A labels.csv that cannot be used, with the 1-based line number of the problem.</summary>
public sealed class LabelsFormatException(int line, string message)
    : Exception($"labels.csv line {line}: {message}")
{
    public int Line { get; } = line;
}
