namespace Analyzer.Learning;

/// <summary>A model or its metadata cannot be read or used; the message is one line naming the file.</summary>
public sealed class ModelFileException(string message, Exception? inner = null) : Exception(message, inner);
