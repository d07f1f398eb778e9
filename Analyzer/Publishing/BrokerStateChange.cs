namespace Analyzer.Publishing;

/// <summary>
/// Raised once per change of the broker's state (not per retry): the CLI prints <see cref="Message"/> as one line on
/// stderr.
/// </summary>
public sealed record BrokerStateChange(BrokerState State, string Message);
