using Analyzer.Labels;

namespace Analyzer.Generation.Scenarios;

/// <summary>A capture a good sensor stays silent on: the scenario's activity inside ordinary background traffic.</summary>
public abstract class BenignScenario : IScenario
{
    private const long TailUs = 3_000_000;

    public abstract string Name { get; }
    public abstract string Description { get; }
    public string Label => LabelNames.Benign;

    public void Generate(ScenarioContext context)
    {
        long end = Run(context, context.StartUs + context.Random.Next(100_000, 600_000));
        HomeActivity.Fill(context, context.StartUs, end + TailUs);
    }

    /// <summary>Emits the scenario's own activity from <paramref name="t"/> and returns the time it ends.</summary>
    public abstract long Run(ScenarioContext context, long t);
}
