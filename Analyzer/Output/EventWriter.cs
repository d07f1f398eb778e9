using Analyzer.Events;

namespace Analyzer.Output;

/// <summary>The per-message log (<c>--events</c>, <see cref="EventRecords"/>); rows reach the file on <see cref="Flush"/>.</summary>
public sealed class EventWriter(string path, OutputFormat format = OutputFormat.Csv) : IDisposable
{
    private readonly IRecordWriter<EventRow> _writer = RecordWriters.Open(path, EventRecords.Layout, format, flushEachRow: false);

    /// <summary>The capture being read, written in the <c>file</c> column.</summary>
    public string? CurrentFile { get; set; }

    public void Write(AnalyzerEvent e) => _writer.Write(new EventRow(e, CurrentFile));

    public void Flush() => _writer.Flush();

    public void Dispose() => _writer.Dispose();
}
