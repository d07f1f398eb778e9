using Analyzer.Events;
using Analyzer.Reassembly;

namespace Analyzer.Decoding.Http;

/// <summary>What an <see cref="HttpMessageReader"/> asks of the connection it reads for.</summary>
internal interface IHttpMessageOwner
{
    /// <summary>
    /// A complete head was parsed. Returns the message to keep (its body will be collected) or null to frame and
    /// skip it; says whether the message has no body whatever its headers say (response to HEAD, 1xx, 204, 304) and
    /// whether the connection stops speaking HTTP after it (101, CONNECT).
    /// </summary>
    HttpMessage? OnHead(StreamDirection direction, ReadOnlySpan<byte> head, HttpHead parsed, out bool noBody, out bool upgrade);

    /// <summary>A kept message is complete (or was cut by the end of the stream; see <see cref="HttpMessage.Incomplete"/>).</summary>
    void OnMessage(StreamDirection direction, HttpMessage message, in PacketInfo packet, IEventSink sink);

    /// <summary>The direction does not carry HTTP (any more): stop reading the connection.</summary>
    void OnNotHttp();

    /// <summary>
    /// The direction was picked up in the middle of binary bytes. True sets it aside (its bytes are dropped until the
    /// owner resumes it; the owner may stop reading the connection instead); false keeps it looking for a message start.
    /// </summary>
    bool SetAside(StreamDirection direction);
}
