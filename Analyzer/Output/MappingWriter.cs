using Analyzer.Inventory;
using Analyzer.Rules.Mapping;

namespace Analyzer.Output;

/// <summary>Writes the port-mapping ledger (<c>--mappings</c>, <see cref="MappingRecords"/>), each row flushed as written.</summary>
public sealed class MappingWriter(string path, OutputFormat format = OutputFormat.Csv) : IMappingSink, IDisposable
{
    private readonly IRecordWriter<MappingRow> _writer = RecordWriters.Open(path, MappingRecords.Layout, format, flushEachRow: true);

    public long Rows { get; private set; }

    public void OnRequest(MappingRecord m, string? file)
    {
        _writer.Write(new MappingRow(m, null, file));
        Rows++;
    }

    public void OnExpiry(MappingRecord granted, long expiredUs, string? file)
    {
        _writer.Write(new MappingRow(granted, expiredUs, file));
        Rows++;
    }

    public void Dispose() => _writer.Dispose();
}
