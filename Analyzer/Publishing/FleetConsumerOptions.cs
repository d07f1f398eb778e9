namespace Analyzer.Publishing;

public sealed record FleetConsumerOptions
{
    public const int MaxBatchPerStream = 10_000;

    /// <summary>Entries read from each stream per round.</summary>
    public int BatchPerStream { get; init; } = 500;

    /// <summary>An entry another member was given and has not acknowledged for this long is taken over.</summary>
    public TimeSpan ClaimIdle { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Record identities remembered to recognise duplicates (<see cref="DuplicateWindow"/>).</summary>
    public int DedupWindow { get; init; } = DuplicateWindow.DefaultCapacity;
}
