namespace Analyzer.Publishing;

/// <summary>A malformed broker URL: a usage error, reported as one line.</summary>
public sealed class PublishTargetException(string message) : Exception(message);
