using Analyzer.Decoding;

namespace Analyzer.Events;

/// <summary>Where protocol analyzers deliver what they decode. Implemented by the pipeline; tests use a list.</summary>
public interface IEventSink
{
    void OnEvent(AnalyzerEvent analyzerEvent);
    void OnAnomaly(DecodeAnomaly anomaly);
}
