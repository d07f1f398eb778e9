using Analyzer.Events;

namespace Analyzer.Decoding;

/// <summary>
/// A UDP protocol analyzer. <see cref="Wants"/> is the cheap probe (ports, a few bytes); <see cref="OnDatagram"/>
/// decodes and emits events or anomalies. Analyzers never throw on bad input and never raise alerts.
/// </summary>
public interface IDatagramAnalyzer
{
    bool Wants(in PacketInfo packet, ReadOnlySpan<byte> payload);
    void OnDatagram(in PacketInfo packet, ReadOnlySpan<byte> payload, IEventSink sink);
}
