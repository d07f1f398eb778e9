using Analyzer.Output;

namespace Analyzer.Census;

/// <summary>
/// The records of many sensors (homes), gathered from JSON records as the output layer writes them, kept per sensor
/// as the <see cref="RunRecords"/> that the census of one network reads: a home's census is the one
/// <c>analyzer report</c> makes from that sensor's files.
/// </summary>
public sealed class FleetRecords
{
    /// <summary>Sensors kept; records of further sensors are counted in <see cref="RecordsDropped"/>.</summary>
    public const int MaxSensors = 100_000;
    /// <summary>Records kept per sensor and type, as <see cref="RunRecordsReader.MaxRows"/> per file.</summary>
    public const int MaxRowsPerSensor = RunRecordsReader.MaxRows;

    private static readonly Dictionary<string, IReadOnlyDictionary<string, string>> Names = new(StringComparer.Ordinal)
    {
        [AlertRecords.Layout.EventType] = NamesOf(AlertRecords.Layout),
        [DeviceRecords.Layout.EventType] = NamesOf(DeviceRecords.Layout),
        [MappingRecords.Layout.EventType] = NamesOf(MappingRecords.Layout),
        [EventRecords.Layout.EventType] = NamesOf(EventRecords.Layout),
        [FlowRecords.Layout.EventType] = NamesOf(FlowRecords.Layout),
    };

    /// <summary>The JSON name of each CSV column of the record type named by an <c>event_type</c>; null for another type.</summary>
    public static IReadOnlyDictionary<string, string>? ColumnNames(string eventType) => Names.GetValueOrDefault(eventType);

    private readonly SortedDictionary<string, Home> _homes = new(StringComparer.Ordinal);

    public long RecordsDropped { get; private set; }
    public long Malformed { get; private set; }
    public int Sensors => _homes.Count;

    /// <summary>Adds one record of <paramref name="sensor"/>; false (and counted) when it is not a record of the output layer.</summary>
    public bool Add(string sensor, ReadOnlySpan<byte> json)
    {
        if (JsonRecordFields.Parse(json, ColumnNames) is not var (type, fields))
        {
            Malformed++;
            return false;
        }
        if (!_homes.TryGetValue(sensor, out var home))
        {
            if (_homes.Count >= MaxSensors)
            {
                RecordsDropped++;
                return true;
            }
            _homes[sensor] = home = new Home();
        }
        try
        {
            if (type == AlertRecords.Layout.EventType) Keep(home.Alerts, RunRecordsReader.Alert(fields));
            else if (type == DeviceRecords.Layout.EventType) Keep(home.Devices, RunRecordsReader.Device(fields));
            else if (type == MappingRecords.Layout.EventType) Keep(home.Mappings, RunRecordsReader.Mapping(fields));
            else if (type == EventRecords.Layout.EventType) Keep(home.Messages, RunRecordsReader.Message(fields));
            else
            {
                home.FlowHosts.Add(fields["src_ip"]);
                home.FlowHosts.Add(fields["dst_ip"]);
            }
        }
        catch (CensusInputException)
        {
            Malformed++;
            return false;
        }
        return true;
    }

    /// <summary>Each sensor's records, by sensor id.</summary>
    public IEnumerable<(string Sensor, RunRecords Records)> Homes() =>
        _homes.Select(h => (h.Key, new RunRecords(h.Value.Devices, h.Value.Mappings, h.Value.Alerts, h.Value.Messages, [.. h.Value.FlowHosts])));

    private void Keep<T>(List<T> rows, T row)
    {
        if (rows.Count < MaxRowsPerSensor) rows.Add(row);
        else RecordsDropped++;
    }

    private static IReadOnlyDictionary<string, string> NamesOf<T>(RecordLayout<T> layout) =>
        layout.Columns.ToDictionary(c => c.Name, c => c.JsonName.Value, StringComparer.Ordinal);

    private sealed class Home
    {
        public List<InventoryEntry> Devices { get; } = [];
        public List<LedgerEntry> Mappings { get; } = [];
        public List<AlertRow> Alerts { get; } = [];
        public List<MessageRow> Messages { get; } = [];
        public HashSet<string> FlowHosts { get; } = new(StringComparer.Ordinal);
    }
}
