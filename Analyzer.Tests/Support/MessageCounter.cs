using Analyzer.Decoding;
using Analyzer.Events;

namespace Analyzer.Tests.Support;

/// <summary>Counts decoded messages by "protocol/message", and anomalies by id.</summary>
public sealed class MessageCounter : IEventSink
{
    public SortedDictionary<string, int> Messages { get; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, int> Anomalies { get; } = new(StringComparer.Ordinal);
    public List<AnalyzerEvent> Events { get; } = [];

    public void OnEvent(AnalyzerEvent e)
    {
        Events.Add(e);
        var key = e.Protocol + "/" + e.Message;
        Messages[key] = Messages.GetValueOrDefault(key) + 1;
    }

    public void OnAnomaly(DecodeAnomaly a) => Anomalies[a.Id] = Anomalies.GetValueOrDefault(a.Id) + 1;

    public int Count(Func<AnalyzerEvent, bool> predicate) => Events.Count(predicate);
}
