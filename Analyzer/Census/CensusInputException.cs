namespace Analyzer.Census;

/// <summary>A file given to the census cannot be read as the output it is named as; the message is one line.</summary>
public sealed class CensusInputException(string message) : Exception(message);
