namespace Analyzer.Learning;

/// <summary>A host window with its label, as the trainer takes it.</summary>
public sealed record LabeledWindow(HostWindow Window, WindowLabel Label);
