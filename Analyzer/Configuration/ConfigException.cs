namespace Analyzer.Configuration;

/// <summary>A configuration file that cannot be used; the message is one line naming the file and the problem.</summary>
public sealed class ConfigException(string message, Exception? inner = null) : Exception(message, inner);
