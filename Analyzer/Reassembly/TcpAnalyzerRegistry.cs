using Analyzer.Decoding;
using Analyzer.Events;

namespace Analyzer.Reassembly;

/// <summary>
/// The TCP analyzers of a pipeline, as the one consumer of its <see cref="TcpReassembler"/>: at a connection's first
/// bytes each analyzer in turn is asked whether it claims the connection; the first that does receives all of it.
/// A connection none claims is ignored at once, so the reassembler does no more work for it.
/// </summary>
public sealed class TcpAnalyzerRegistry(IReadOnlyList<ITcpStreamAnalyzer> analyzers) : ITcpStreamConsumer
{
    public IReadOnlyList<ITcpStreamAnalyzer> Analyzers { get; } = analyzers;

    public int OnData(TcpStream stream, StreamDirection direction, ReadOnlySpan<byte> data, in PacketInfo packet, IEventSink sink)
    {
        var owner = stream.Owner;
        if (owner is null)
        {
            for (int i = 0; i < Analyzers.Count && owner is null; i++)
                if (Analyzers[i].Claims(stream, direction, data)) owner = Analyzers[i];
            if (owner is null)
            {
                stream.Ignore();
                return data.Length;
            }
            stream.Owner = owner;
        }
        return owner.OnData(stream, direction, data, packet, sink);
    }

    public void OnGap(TcpStream stream, StreamDirection direction, long missingBytes, in PacketInfo packet, IEventSink sink) =>
        stream.Owner?.OnGap(stream, direction, missingBytes, packet, sink);

    public void OnEnd(TcpStream stream, StreamDirection direction, in PacketInfo packet, IEventSink sink) =>
        stream.Owner?.OnEnd(stream, direction, packet, sink);

    public void OnClosed(TcpStream stream)
    {
        stream.Owner?.OnClosed(stream);
        stream.Owner = null;
    }
}
