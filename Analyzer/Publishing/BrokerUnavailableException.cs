namespace Analyzer.Publishing;

/// <summary>The broker could not be reached or refused the records; the sender keeps them and retries.</summary>
public sealed class BrokerUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
