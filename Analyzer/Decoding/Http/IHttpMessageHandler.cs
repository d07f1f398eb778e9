using Analyzer.Events;

namespace Analyzer.Decoding.Http;

/// <summary>
/// Where the HTTP layer hands its kept messages: the decoders of the protocols carried over HTTP, which sit above it
/// (see <c>Decoding/HttpFamily</c>). It also answers what framing needs to know from them before a body is read.
/// </summary>
internal interface IHttpMessageHandler
{
    /// <summary>Servers whose responses named a UPnP stack: POSTs to them that are not control are reported.</summary>
    UpnpHttpServers UpnpServers { get; }

    /// <summary>The DIAL application URL prefix learned for this server, or "" when none was.</summary>
    string DialPrefixFor(NetAddress server, ushort port);

    void Dispatch(HttpMessage message, in PacketInfo packet, IEventSink sink);
}
