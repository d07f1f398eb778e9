namespace Analyzer.Generation.Scenarios;

/// <summary>
/// A capture with one kind of attack: a few seconds of ordinary traffic, then the attack (which marks its instances
/// for the labels), with background traffic all along.
/// </summary>
public abstract class AttackScenario : IScenario
{
    private const long LeadUs = 2_000_000;
    private const long TailUs = 3_000_000;

    public abstract string Name { get; }
    public abstract string Description { get; }

    /// <summary>The category the attack belongs to, which is also the capture's label.</summary>
    public abstract string Category { get; }

    public string Label => Category;

    public void Generate(ScenarioContext context)
    {
        long start = context.StartUs + LeadUs + context.Random.Next(0, 1_000_000);
        long end = Attack(context, start);
        HomeActivity.Fill(context, context.StartUs, end + TailUs);
    }

    /// <summary>Emits the attack from <paramref name="t"/>, marks its instances, and returns the time it ends.</summary>
    public abstract long Attack(ScenarioContext context, long t);
}
