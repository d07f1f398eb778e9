namespace Analyzer.Learning;

/// <summary>One feature of a host window: its name (snake_case, as in the model metadata), scale and meaning.</summary>
public sealed class FeatureDefinition
{
    internal FeatureDefinition(string name, FeatureScale scale, string description, Func<HostWindowCounters, double> read)
    {
        Name = name;
        Scale = scale;
        Description = description;
        Read = read;
    }

    public string Name { get; }
    public FeatureScale Scale { get; }
    public string Description { get; }
    internal Func<HostWindowCounters, double> Read { get; }

    /// <summary>The value the model sees for raw value <paramref name="raw"/>.</summary>
    public float ToModel(double raw) => Scale switch
    {
        FeatureScale.Count or FeatureScale.Bytes or FeatureScale.Seconds => (float)Math.Log2(1 + Math.Max(raw, 0)),
        FeatureScale.Ratio => (float)Math.Log2(Math.Max(raw, double.Epsilon)),
        _ => (float)raw,
    };

    /// <summary>The raw value that a model value stands for (the inverse of <see cref="ToModel"/>).</summary>
    public double FromModel(double value) => Scale switch
    {
        FeatureScale.Count or FeatureScale.Bytes or FeatureScale.Seconds => Math.Pow(2, value) - 1,
        FeatureScale.Ratio => Math.Pow(2, value),
        _ => value,
    };
}
