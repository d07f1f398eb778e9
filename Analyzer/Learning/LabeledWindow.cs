namespace Analyzer.Learning;

/// <summary>A host window with its label, as the trainer takes it, and the alert category of an attack window.</summary>
public sealed record LabeledWindow(HostWindow Window, WindowLabel Label, string? Category = null)
{
    /// <summary>The class the category model learns: benign, the attack's category, or a plain attack without one.</summary>
    public string Class => Label == WindowLabel.Attack ? Category is { Length: > 0 } c && c != CategoryWords.Benign ? c : CategoryWords.Unknown : CategoryWords.Benign;
}
