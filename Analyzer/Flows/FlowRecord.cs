using Analyzer.Decoding;

namespace Analyzer.Flows;

/// <summary>
/// One bidirectional flow. The originator is the sender of the first packet seen (the SYN's sender when the
/// handshake was captured). The flow table reuses records: one handed to an <see cref="IFlowSink"/> is valid during
/// that call only (<see cref="Copy"/> keeps one).
/// </summary>
public sealed class FlowRecord
{
    private FlowKey _key;

    public FlowKey Key => _key;
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

    /// <summary>Where the flow table keeps the record (its index and recency lists refer to it by this number).</summary>
    internal int Slot = -1;

    /// <summary>The hash the flow table filed the key under.</summary>
    internal int KeyHash;

    /// <summary>Whether this record's flow has <paramref name="key"/> (the flow table's lookup compares here).</summary>
    internal bool Has(in FlowKey key) => FlowKey.Same(_key, key);

    public void AddProtocol(string protocol)
    {
        if (Protocol.Length == 0) { Protocol = protocol; return; }
        if (Protocol == protocol || Protocol.Split('+').Contains(protocol)) return;
        Protocol = Protocol + "+" + protocol;
    }

    /// <summary>A copy that stays as it is when the table reuses this record.</summary>
    public FlowRecord Copy()
    {
        var copy = (FlowRecord)MemberwiseClone();
        copy.Slot = -1;
        return copy;
    }

    /// <summary>Makes a pooled record a fresh flow.</summary>
    internal void Restart(in FlowKey key, int keyHash, long firstUs)
    {
        _key = key;
        KeyHash = keyHash;
        FirstUs = LastUs = firstUs;
        OrigIp = RespIp = default;
        OrigPort = RespPort = 0;
        OrigPackets = OrigBytes = RespPackets = RespBytes = 0;
        Protocol = string.Empty;
        Messages = Anomalies = 0;
        OrigFin = RespFin = Reset = false;
        EndReason = string.Empty;
    }
}
