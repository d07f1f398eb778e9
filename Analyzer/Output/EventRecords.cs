namespace Analyzer.Output;

/// <summary>
/// The per-message log (<c>--events</c>): one row per decoded message. In CSV the message's own fields go in the
/// last column as one JSON object, so every protocol shares one file and the columns never shift; in JSON lines
/// they are the typed object <c>upnp.fields</c>.
/// </summary>
public static class EventRecords
{
    public const string EventType = "upnp";

    public static readonly RecordLayout<EventRow> Layout = new(EventType,
    [
        new("time", r => Cell.Time(r.Event.Packet.TimestampUs), EveEnvelope.Timestamp),
        new("protocol", r => Cell.Text(r.Event.Protocol), EveEnvelope.AppProto),
        new("message", r => Cell.Untrusted(r.Event.Message)),
        new("src_ip", r => Cell.Text(r.Event.Packet.Src.ToString()), EveEnvelope.SrcIp),
        new("src_port", r => Cell.Integer(r.Event.Packet.SrcPort), EveEnvelope.SrcPort),
        new("dst_ip", r => Cell.Text(r.Event.Packet.Dst.ToString()), EveEnvelope.DestIp),
        new("dst_port", r => Cell.Integer(r.Event.Packet.DstPort), EveEnvelope.DestPort),
        new("frame", r => Cell.Integer(r.Event.Packet.FrameNumber)),
        new("file", r => Cell.Untrusted(r.File)),
        new("fields", r => Cell.Fields(r.Event)),
        new("proto", r => Cell.Text(TransportNames.Eve(r.Event.Packet.Transport)), EveEnvelope.Proto, InCsv: false),
    ]);

    public static string[] Columns => Layout.CsvHeader;
}
