namespace Analyzer.Capture;

/// <summary>A capture that cannot be opened or read any further; the message is one line meant for the user.</summary>
public sealed class CaptureException(string message, Exception? inner = null) : Exception(message, inner);
