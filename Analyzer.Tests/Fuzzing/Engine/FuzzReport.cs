namespace Analyzer.Tests.Fuzzing;

/// <summary>What a run of one target did: cases run, time taken, and every failure (at most <see cref="FuzzRunner.MaxFailures"/>).</summary>
public sealed record FuzzReport(string Target, int RunSeed, long Cases, TimeSpan Elapsed, IReadOnlyList<FuzzFailure> Failures)
{
    public override string ToString() =>
        $"{Target}: {Cases} cases in {Elapsed.TotalSeconds:F1} s (seed {RunSeed}), {Failures.Count} failure(s)";
}
