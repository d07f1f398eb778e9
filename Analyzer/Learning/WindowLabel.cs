namespace Analyzer.Learning;

/// <summary>What the labels say of one host window.</summary>
public enum WindowLabel : byte
{
    Benign,
    Attack,
    /// <summary>Neither trained on nor scored against: a victim's windows during an attack, a "mixed" file without instances.</summary>
    Excluded,
}
