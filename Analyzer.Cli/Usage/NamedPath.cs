namespace Analyzer.Cli.Usage;

/// <summary>A path given on the command line and what it is ("--events", "the input capture"), for messages.</summary>
public sealed record NamedPath(string Role, string Path);
