namespace Analyzer.Generation.Capture;

/// <summary>A capture file could not be written: the native library is missing or the path is unusable.</summary>
public sealed class CaptureWriterException(string message, Exception? inner = null) : Exception(message, inner);
