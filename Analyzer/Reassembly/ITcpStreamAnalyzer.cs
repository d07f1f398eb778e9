using Analyzer.Decoding;
using Analyzer.Events;

namespace Analyzer.Reassembly;

/// <summary>
/// A protocol analyzer over reassembled TCP streams, one of the <see cref="TcpAnalyzerRegistry"/>. It decides once per
/// connection, at its first bytes (and its ports, its handshake), whether it decodes the connection
/// (<see cref="Claims"/>); the connection it claims is then its alone, under the contract of
/// <see cref="ITcpStreamConsumer"/>. A connection no analyzer claims is ignored: its later segments cost a table lookup.
/// </summary>
public interface ITcpStreamAnalyzer
{
    /// <summary>
    /// The first in-order bytes of <paramref name="stream"/> (from either side): true takes the connection (the
    /// analyzer may set <see cref="TcpStream.AppState"/>); false leaves it to the next analyzer.
    /// </summary>
    bool Claims(TcpStream stream, StreamDirection direction, ReadOnlySpan<byte> firstBytes);

    /// <inheritdoc cref="ITcpStreamConsumer.OnData"/>
    int OnData(TcpStream stream, StreamDirection direction, ReadOnlySpan<byte> data, in PacketInfo packet, IEventSink sink);

    /// <inheritdoc cref="ITcpStreamConsumer.OnGap"/>
    void OnGap(TcpStream stream, StreamDirection direction, long missingBytes, in PacketInfo packet, IEventSink sink);

    /// <inheritdoc cref="ITcpStreamConsumer.OnEnd"/>
    void OnEnd(TcpStream stream, StreamDirection direction, in PacketInfo packet, IEventSink sink);

    /// <inheritdoc cref="ITcpStreamConsumer.OnClosed"/>
    void OnClosed(TcpStream stream);
}
