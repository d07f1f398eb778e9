namespace Analyzer.Learning;

/// <summary>One feature's part in a window's score: its raw value and its share of the squared reconstruction error.</summary>
public readonly record struct FeatureContribution(string Name, double RawValue, double Share);
