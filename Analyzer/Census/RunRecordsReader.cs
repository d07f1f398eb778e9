using Analyzer.Flows;
using Analyzer.Inventory;
using Analyzer.Output;
using CsvHelper;

namespace Analyzer.Census;

/// <summary>
/// Reads the outputs of a run back (devices, mappings, alerts, events, flows), by column name, so files of an
/// earlier run with extra columns still read. A file that lacks a column its kind must have fails with one line
/// naming the file and the column; rows beyond <see cref="MaxRows"/> per file are counted, not kept.
/// </summary>
public static class RunRecordsReader
{
    /// <summary>Rows kept per file; a day of a busy home network's events is well under it.</summary>
    public const int MaxRows = 2_000_000;

    /// <exception cref="CensusInputException">A file is missing or is not the output it is given as.</exception>
    public static RunRecords Read(string? devices, string? mappings, string? alerts, string? events, string? flows)
    {
        long dropped = 0;
        var d = devices is null ? [] : ReadRows(devices, "devices", DeviceRecords.Columns[0], Device, ref dropped);
        var m = mappings is null ? [] : ReadRows(mappings, "mappings", "method", Mapping, ref dropped);
        var a = alerts is null ? [] : ReadRows(alerts, "alerts", "rule", Alert, ref dropped);
        var e = events is null ? [] : ReadRows(events, "events", "message", Message, ref dropped);
        var f = flows is null ? [] : FlowHosts(flows, ref dropped);
        return new RunRecords(d, m, a, e, f) { RowsDropped = dropped };
    }

    internal static InventoryEntry Device(IRecordFields r) => new(
        r["ip"], r["stack"], r["stack_version"], r.List("server"), r.List("user_agent"), r["friendly_name"],
        r["manufacturer"], r["model"], r.List("device_types"), r.List("services"), r.List("cves"), r.List("advisories"),
        r.List("protocols"), r.List("location"));

    internal static LedgerEntry Mapping(IRecordFields r) => new(
        r.Time("time"), r["method"], r["action"], r["requester"], r["gateway"], r["transport"], r["external_port"],
        r["internal_client"], r["internal_port"], r["lease"], r["description"], r["outcome"], r["granted_external_port"],
        r["granted_lease"]);

    internal static AlertRow Alert(IRecordFields r) => new(
        r.Time("time"), r["rule"], r["category"], r["severity"], r["src_ip"], r["dst_ip"], r["protocol"], r["summary"]);

    internal static MessageRow Message(IRecordFields r) => new(r.Time("time"), r["protocol"], r["message"], r["src_ip"], r["dst_ip"]);

    private static List<string> FlowHosts(string path, ref long dropped)
    {
        var hosts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (src, dst) in ReadRows(path, "flows", FlowRecords.Columns[3], r => (r["src_ip"], r["dst_ip"]), ref dropped))
        {
            hosts.Add(src);
            hosts.Add(dst);
        }
        return [.. hosts];
    }

    private static List<T> ReadRows<T>(string path, string kind, string requiredColumn, Func<IRecordFields, T> map, ref long dropped)
    {
        if (!File.Exists(path)) throw new CensusInputException($"{path}: no such file");
        if (path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase)) return ReadJsonLines(path, kind, map, ref dropped);
        var rows = new List<T>();
        try
        {
            // Addresses, protocols and stacks repeat on nearly every row: pooled, a long event log costs far less memory.
            using var csv = CsvReader.FromFile(path, CsvReaderOptions.Default with { PoolStrings = true });
            var row = new Row(csv, path, kind);
            if (!csv.TryGetFieldIndex(requiredColumn, out _))
                throw new CensusInputException($"{path}: no '{requiredColumn}' column: not a {kind} file written by analyze");
            while (csv.Read())
            {
                if (rows.Count >= MaxRows)
                {
                    dropped++;
                    continue;
                }
                rows.Add(map(row));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or InvalidDataException)
        {
            throw new CensusInputException($"{path}: cannot read as a {kind} file: {e.Message}");
        }
        return rows;
    }

    /// <summary>A JSON-lines output (<c>--format jsonl</c>): each line one record, read by the same column names.</summary>
    private static List<T> ReadJsonLines<T>(string path, string kind, Func<IRecordFields, T> map, ref long dropped)
    {
        var rows = new List<T>();
        long line = 0;
        try
        {
            foreach (var text in File.ReadLines(path))
            {
                line++;
                if (text.Length == 0) continue;
                if (rows.Count >= MaxRows)
                {
                    dropped++;
                    continue;
                }
                var fields = JsonRecordFields.Parse(System.Text.Encoding.UTF8.GetBytes(text), FleetRecords.ColumnNames)
                    ?? throw new CensusInputException($"{path}: line {line}: not a record written by analyze --format jsonl");
                rows.Add(map(fields.Fields));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CensusInputException($"{path}: cannot read as a {kind} file: {e.Message}");
        }
        catch (CensusInputException e) when (!e.Message.StartsWith(path, StringComparison.Ordinal))
        {
            throw new CensusInputException($"{path}: line {line}: {e.Message}");
        }
        return rows;
    }

    /// <summary>The current record of a reader, by column name; a column the file lacks reads as empty.</summary>
    private sealed class Row(CsvReader csv, string path, string kind) : IRecordFields
    {
        private readonly Dictionary<string, int> _index = [];

        public string this[string column]
        {
            get
            {
                if (!_index.TryGetValue(column, out int i))
                {
                    i = csv.TryGetFieldIndex(column, out int found) ? found : -1;
                    _index[column] = i;
                }
                return i < 0 || i >= csv.FieldCount ? "" : csv.GetString(i);
            }
        }

        public IReadOnlyList<string> List(string column)
        {
            var text = this[column];
            return text.Length == 0 ? [] : text.Split(CsvOutput.ListSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        public long Time(string column)
        {
            var text = this[column];
            if (Timestamp.TryParse(text, out long us)) return us;
            throw new CensusInputException($"{path}: row {csv.RowNumber}: '{column}' is not a time: not a {kind} file written by analyze");
        }
    }
}
