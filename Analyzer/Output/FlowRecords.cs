namespace Analyzer.Output;

/// <summary>The flow log (<c>--flows</c>): one row per finished flow, originator first.</summary>
public static class FlowRecords
{
    public const string EventType = "flow";

    public static readonly RecordLayout<FlowRow> Layout = new(EventType,
    [
        new("first_time", r => Cell.Time(r.Flow.FirstUs), EveEnvelope.Timestamp),
        new("last_time", r => Cell.Time(r.Flow.LastUs)),
        new("transport", r => Cell.Text(TransportNames.Lower(r.Flow.Transport))),
        new("src_ip", r => Cell.Text(r.Flow.OrigIp.ToString()), EveEnvelope.SrcIp),
        new("src_port", r => Cell.Integer(r.Flow.OrigPort), EveEnvelope.SrcPort),
        new("dst_ip", r => Cell.Text(r.Flow.RespIp.ToString()), EveEnvelope.DestIp),
        new("dst_port", r => Cell.Integer(r.Flow.RespPort), EveEnvelope.DestPort),
        new("protocol", r => Cell.Text(r.Flow.Protocol), EveEnvelope.AppProto),
        new("orig_packets", r => Cell.Integer(r.Flow.OrigPackets)),
        new("orig_bytes", r => Cell.Integer(r.Flow.OrigBytes)),
        new("resp_packets", r => Cell.Integer(r.Flow.RespPackets)),
        new("resp_bytes", r => Cell.Integer(r.Flow.RespBytes)),
        new("messages", r => Cell.Integer(r.Flow.Messages)),
        new("anomalies", r => Cell.Integer(r.Flow.Anomalies)),
        new("end_reason", r => Cell.Text(r.Flow.EndReason)),
        new("file", r => Cell.Untrusted(r.File)),
        new("proto", r => Cell.Text(TransportNames.Eve(r.Flow.Transport)), EveEnvelope.Proto, InCsv: false),
    ]);

    public static string[] Columns => Layout.CsvHeader;
}
