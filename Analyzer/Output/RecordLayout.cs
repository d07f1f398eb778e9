namespace Analyzer.Output;

/// <summary>
/// A record type described once as columns: the CSV writer writes its CSV columns in order under the header
/// <see cref="CsvHeader"/>; the JSON-lines writer writes the envelope columns at the top level and the others in a
/// nested object named <see cref="EventType"/>. A column added here appears in both formats.
/// </summary>
public sealed class RecordLayout<T>
{
    public RecordLayout(string eventType, IReadOnlyList<Column<T>> columns)
    {
        foreach (var c in columns)
            if (c.Envelope is not null && Array.IndexOf(EveEnvelope.Order, c.Envelope) < 0)
                throw new ArgumentException($"{c.Name}: {c.Envelope} is not an envelope key", nameof(columns));
        EventType = eventType;
        Columns = columns;
        CsvColumns = [.. columns.Where(c => c.InCsv)];
        CsvHeader = [.. CsvColumns.Select(c => c.Name)];
        EnvelopeColumns = [.. columns.Where(c => c.Envelope is not null).OrderBy(c => Array.IndexOf(EveEnvelope.Order, c.Envelope))];
        NestedColumns = [.. columns.Where(c => c.Envelope is null)];
    }

    /// <summary>The JSON <c>event_type</c>, also the key of the nested object.</summary>
    public string EventType { get; }
    public IReadOnlyList<Column<T>> Columns { get; }
    public Column<T>[] CsvColumns { get; }
    public string[] CsvHeader { get; }
    public Column<T>[] EnvelopeColumns { get; }
    public Column<T>[] NestedColumns { get; }

    /// <summary>This layout with one more column at the end (an optional extra such as <c>evidence</c>).</summary>
    public RecordLayout<T> With(Column<T> column) => new(EventType, [.. Columns, column]);
}
