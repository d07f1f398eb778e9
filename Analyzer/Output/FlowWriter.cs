using Analyzer.Flows;

namespace Analyzer.Output;

/// <summary>
/// The flow log (<c>--flows</c>, <see cref="FlowRecords"/>). By default only flows that carried a UPnP-family
/// message or anomaly are written; <see cref="AllFlows"/> writes every flow.
/// </summary>
public sealed class FlowWriter(string path, bool allFlows, OutputFormat format = OutputFormat.Csv) : IFlowSink, IDisposable
{
    private readonly IRecordWriter<FlowRow> _writer = RecordWriters.Open(path, FlowRecords.Layout, format, flushEachRow: false);

    public bool AllFlows { get; } = allFlows;

    public long Written { get; private set; }

    /// <summary>The capture being read, written in the <c>file</c> column.</summary>
    public string? CurrentFile { get; set; }

    public void OnFlowEnd(FlowRecord f)
    {
        if (!AllFlows && f.Messages == 0 && f.Anomalies == 0) return;
        Written++;
        _writer.Write(new FlowRow(f, CurrentFile));
    }

    public void Flush() => _writer.Flush();

    public void Dispose() => _writer.Dispose();
}
