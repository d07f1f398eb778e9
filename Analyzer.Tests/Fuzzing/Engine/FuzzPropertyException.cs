namespace Analyzer.Tests.Fuzzing;

/// <summary>A fuzz property that did not hold (a cap exceeded, an exception counted by the pipeline, lost bytes).</summary>
public sealed class FuzzPropertyException(string message) : Exception(message);
