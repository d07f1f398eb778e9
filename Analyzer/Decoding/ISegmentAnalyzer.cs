using Analyzer.Events;

namespace Analyzer.Decoding;

/// <summary>
/// The TCP side of the pipeline: receives every TCP segment (also those without payload, for SYN/FIN/RST) in
/// capture order, reassembles and decodes the application messages it finds, and emits their events.
/// </summary>
public interface ISegmentAnalyzer
{
    void OnSegment(in PacketInfo packet, ReadOnlySpan<byte> payload, IEventSink sink);

    /// <summary>Called as capture time advances (and by a timer in live capture) so idle state expires.</summary>
    void Expire(long nowUs, IEventSink sink);

    /// <summary>End of input: decode what can still be decoded and release everything.</summary>
    void Finish(long nowUs, IEventSink sink);
}
