namespace Analyzer.Cli.Commands.Generate;

/// <summary>The parsed options of <c>analyzer generate</c>.</summary>
public sealed record GenerateOptions(DirectoryInfo? Out, IReadOnlyList<string> Scenarios, int Seed, string? Format, bool List);
