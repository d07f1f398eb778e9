namespace Analyzer.Output;

/// <summary>Opens the writer of a record layout in the run's output format.</summary>
public static class RecordWriters
{
    public static IRecordWriter<T> Open<T>(string path, RecordLayout<T> layout, OutputFormat format, bool flushEachRow) =>
        format == OutputFormat.JsonLines
            ? new JsonLinesRecordWriter<T>(path, layout, flushEachRow)
            : new CsvRecordWriter<T>(path, layout, flushEachRow);
}
