using Analyzer.Decoding;

namespace Analyzer.Flows;

/// <summary>
/// One bidirectional flow. The originator is the sender of the first packet seen (the SYN's sender when the
/// handshake was captured). Also a node of the flow table's recency list.
/// </summary>
public sealed class FlowRecord
{
    public required FlowKey Key { get; init; }
    public long FirstUs { get; set; }
    public long LastUs { get; set; }
    public NetAddress OrigIp { get; set; }
    public ushort OrigPort { get; set; }
    public NetAddress RespIp { get; set; }
    public ushort RespPort { get; set; }
    public Transport Transport => Key.Transport;
    public long OrigPackets { get; set; }
    public long OrigBytes { get; set; }
    public long RespPackets { get; set; }
    public long RespBytes { get; set; }
    /// <summary>The UPnP-family protocol(s) seen on the flow, e.g. "ssdp" or "soap+gena"; empty when none.</summary>
    public string Protocol { get; set; } = string.Empty;
    public long Messages { get; set; }
    public long Anomalies { get; set; }
    public bool OrigFin { get; set; }
    public bool RespFin { get; set; }
    public bool Reset { get; set; }
    public string EndReason { get; set; } = string.Empty;

    internal int ListIndex;
    internal FlowRecord? Prev;
    internal FlowRecord? Next;

    public void AddProtocol(string protocol)
    {
        if (Protocol.Length == 0) { Protocol = protocol; return; }
        if (Protocol == protocol || Protocol.Split('+').Contains(protocol)) return;
        Protocol = Protocol + "+" + protocol;
    }
}
