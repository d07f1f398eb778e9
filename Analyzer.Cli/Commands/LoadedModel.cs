using Analyzer.Learning;

namespace Analyzer.Cli.Commands;

/// <summary>The model a run uses (none when null), the file it came from, and the note to print when no default model was found.</summary>
public sealed record LoadedModel(AnomalyModel? Model, string? Path, string? Note)
{
    public static LoadedModel None { get; } = new(null, null, null);
}
