using Analyzer.Decoding;

namespace Analyzer.Events;

/// <summary>
/// One decoded protocol message. Decoders produce these and nothing else; rules, flows, learning and the event log
/// consume them. <see cref="Fields"/> gives the message's own fields, in a stable order, as text ready for output.
/// </summary>
public abstract record AnalyzerEvent(PacketInfo Packet)
{
    /// <summary>Lower-case protocol label: ssdp, natpmp, pcp, soap, gena, dial, cast, description.</summary>
    public abstract string Protocol { get; }

    /// <summary>Message kind, e.g. M-SEARCH, NOTIFY, RESPONSE, MapTcpRequest, AddPortMapping.</summary>
    public abstract string Message { get; }

    /// <summary>The message's fields as (name, value) pairs; absent fields are left out.</summary>
    public abstract IEnumerable<KeyValuePair<string, string>> Fields();
}
