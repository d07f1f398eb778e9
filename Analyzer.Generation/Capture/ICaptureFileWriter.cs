namespace Analyzer.Generation.Capture;

/// <summary>Writes frames of one link type to a capture file; disposing flushes and closes it.</summary>
public interface ICaptureFileWriter : IDisposable
{
    void Write(GeneratedFrame frame);
}
