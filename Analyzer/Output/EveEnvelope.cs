namespace Analyzer.Output;

/// <summary>
/// The top-level keys of a JSON line, in the order Suricata's EVE format uses them, so SIEM parsers written for
/// EVE find the time, the record type and the endpoints where they expect them.
/// </summary>
public static class EveEnvelope
{
    public const string Timestamp = "timestamp";
    public const string EventType = "event_type";
    public const string SrcIp = "src_ip";
    public const string SrcPort = "src_port";
    public const string DestIp = "dest_ip";
    public const string DestPort = "dest_port";
    public const string Proto = "proto";
    public const string AppProto = "app_proto";

    /// <summary>Envelope keys in writing order; <see cref="EventType"/> is written by the writer itself.</summary>
    public static readonly string[] Order = [Timestamp, EventType, SrcIp, SrcPort, DestIp, DestPort, Proto, AppProto];
}
