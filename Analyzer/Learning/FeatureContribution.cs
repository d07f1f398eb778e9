namespace Analyzer.Learning;

/// <summary>
/// One feature's part in a window's score: its raw value, the value usual in benign training windows (the mean
/// the model centred on, in raw units), and its share of the squared reconstruction error.
/// </summary>
public readonly record struct FeatureContribution(string Name, double RawValue, double Usual, double Share);
