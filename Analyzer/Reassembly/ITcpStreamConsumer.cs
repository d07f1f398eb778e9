using Analyzer.Decoding;
using Analyzer.Events;

namespace Analyzer.Reassembly;

/// <summary>
/// Receives the in-order bytes of each direction of each connection from <see cref="TcpReassembler"/>, under the
/// consumed/examined contract of System.IO.Pipelines: <see cref="OnData"/> returns how many leading bytes it has
/// consumed; the rest is kept and offered again, followed by the next bytes, when more data arrives. The span is
/// valid only during the call.
/// </summary>
public interface ITcpStreamConsumer
{
    /// <summary>In-order bytes of one direction. Returns the number of bytes consumed (0 to data.Length).</summary>
    int OnData(TcpStream stream, StreamDirection direction, ReadOnlySpan<byte> data, in PacketInfo packet, IEventSink sink);

    /// <summary>
    /// Bytes of one direction that will never arrive. Bytes offered before and not consumed are dropped with them;
    /// the next <see cref="OnData"/> continues after the hole.
    /// </summary>
    void OnGap(TcpStream stream, StreamDirection direction, long missingBytes, in PacketInfo packet, IEventSink sink);

    /// <summary>No more bytes will come in this direction (FIN, RST, expiry, eviction or end of input).</summary>
    void OnEnd(TcpStream stream, StreamDirection direction, in PacketInfo packet, IEventSink sink);

    /// <summary>The connection is forgotten: release what is held in <see cref="TcpStream.AppState"/>.</summary>
    void OnClosed(TcpStream stream);
}
