namespace Analyzer.Tests.Fuzzing;

/// <summary>
/// A decoder (or the whole pipeline) under fuzzing. <see cref="RunCase"/> builds one input from the seeds with the
/// given random source, records it in the case, and feeds it. Any exception that escapes is a crash;
/// <see cref="FuzzPropertyException"/> reports a property that did not hold.
/// </summary>
public abstract class FuzzTarget
{
    public abstract string Name { get; }

    /// <summary>What the target feeds, for the README and the driver's listing.</summary>
    public abstract string Description { get; }

    public abstract void RunCase(Random rng, FuzzCase fuzzCase);

    protected static T Pick<T>(Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];
}
