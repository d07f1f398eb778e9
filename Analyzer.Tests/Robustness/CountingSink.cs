using Analyzer.Decoding;
using Analyzer.Events;

namespace Analyzer.Tests.Robustness;

/// <summary>
/// An event sink for floods: counts events per protocol and anomalies per id, and keeps only the first few events
/// (keeping them all would be the test's own memory leak).
/// </summary>
public sealed class CountingSink : IEventSink
{
    public const int MaxKeptEvents = 16;

    public Dictionary<string, long> EventsByProtocol { get; } = [];
    public Dictionary<string, long> AnomaliesById { get; } = [];
    public List<AnalyzerEvent> FirstEvents { get; } = [];

    public long Anomalies(string id) => AnomaliesById.GetValueOrDefault(id);
    public long Events(string protocol) => EventsByProtocol.GetValueOrDefault(protocol);

    public void OnEvent(AnalyzerEvent e)
    {
        EventsByProtocol[e.Protocol] = Events(e.Protocol) + 1;
        if (FirstEvents.Count < MaxKeptEvents) FirstEvents.Add(e);
    }

    public void OnAnomaly(DecodeAnomaly anomaly) => AnomaliesById[anomaly.Id] = Anomalies(anomaly.Id) + 1;
}
