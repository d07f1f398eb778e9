using System.Globalization;
using Analyzer.Output;
using CsvHelper;

namespace Analyzer.Flows;

/// <summary>
/// The flow log (<c>--flows</c>). By default only flows that carried a UPnP-family message or anomaly are written;
/// <see cref="AllFlows"/> writes every flow.
/// </summary>
public sealed class FlowCsvWriter(string path, bool allFlows) : IFlowSink, IDisposable
{
    public static readonly string[] Columns =
    [
        "first_time", "last_time", "transport", "src_ip", "src_port", "dst_ip", "dst_port", "protocol",
        "orig_packets", "orig_bytes", "resp_packets", "resp_bytes", "messages", "anomalies", "end_reason", "file",
    ];

    private readonly CsvWriter _csv = Init(CsvOutput.Open(path));

    public bool AllFlows { get; } = allFlows;

    public long Written { get; private set; }

    /// <summary>The capture being read, written in the <c>file</c> column.</summary>
    public string? CurrentFile { get; set; }

    private static CsvWriter Init(CsvWriter csv)
    {
        csv.WriteRecord(Columns);
        return csv;
    }

    public void OnFlowEnd(FlowRecord f)
    {
        if (!AllFlows && f.Messages == 0 && f.Anomalies == 0) return;
        Written++;
        var inv = CultureInfo.InvariantCulture;
        _csv.WriteField(Timestamp.Format(f.FirstUs));
        _csv.WriteField(Timestamp.Format(f.LastUs));
        _csv.WriteField(f.Transport == Packets.Transport.Tcp ? "tcp" : f.Transport == Packets.Transport.Udp ? "udp" : "other");
        _csv.WriteField(f.OrigIp.ToString());
        _csv.WriteField(f.OrigPort.ToString(inv));
        _csv.WriteField(f.RespIp.ToString());
        _csv.WriteField(f.RespPort.ToString(inv));
        _csv.WriteField(f.Protocol);
        _csv.WriteField(f.OrigPackets.ToString(inv));
        _csv.WriteField(f.OrigBytes.ToString(inv));
        _csv.WriteField(f.RespPackets.ToString(inv));
        _csv.WriteField(f.RespBytes.ToString(inv));
        _csv.WriteField(f.Messages.ToString(inv));
        _csv.WriteField(f.Anomalies.ToString(inv));
        _csv.WriteField(f.EndReason);
        _csv.WriteField(CsvText.Clean(CurrentFile));
        _csv.EndRecord();
    }

    public void Flush() => _csv.Flush();

    public void Dispose() => _csv.Dispose();
}
