using Analyzer.Decoding;

namespace Analyzer.Events;

/// <summary>An <see cref="IEventSink"/> that keeps everything, for tests and small tools.</summary>
public sealed class EventList : IEventSink
{
    public List<AnalyzerEvent> Events { get; } = [];
    public List<DecodeAnomaly> Anomalies { get; } = [];

    public void OnEvent(AnalyzerEvent analyzerEvent) => Events.Add(analyzerEvent);
    public void OnAnomaly(DecodeAnomaly anomaly) => Anomalies.Add(anomaly);
}
