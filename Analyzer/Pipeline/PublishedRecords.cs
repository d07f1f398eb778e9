using System.Buffers;
using System.Text.Json;
using Analyzer.Events;
using Analyzer.Inventory;
using Analyzer.Output;
using Analyzer.Publishing;
using Analyzer.Mapping;

namespace Analyzer.Pipeline;

/// <summary>
/// Hands a pipeline's records to the publisher as the output layer's JSON records (the bytes of a JSON-lines file's
/// line): alerts and mapping-ledger rows as they happen, the device inventory at the end, events when asked. One per
/// pipeline (it is not thread-safe); several pipelines may share one publisher, which numbers the records.
/// </summary>
public sealed class PublishedRecords(RecordPublisher publisher, bool events) : IAlertSink, IMappingSink
{
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly JsonRecordEncoder<Alert> _alerts = new(AlertRecords.Layout);
    private readonly JsonRecordEncoder<MappingRow> _mappings = new(MappingRecords.Layout);
    private readonly JsonRecordEncoder<DeviceRow> _devices = new(DeviceRecords.Layout);
    private readonly JsonRecordEncoder<EventRow> _events = new(EventRecords.Layout);
    private Utf8JsonWriter? _json;

    public bool Events { get; } = events;

    public void OnAlert(Alert alert) => Publish(RecordType.Alert, _alerts, alert);

    public void OnRequest(MappingRecord mapping, string? file) => Publish(RecordType.Mapping, _mappings, new MappingRow(mapping, null, file));

    public void OnExpiry(MappingRecord granted, long expiredUs, string? file) =>
        Publish(RecordType.Mapping, _mappings, new MappingRow(granted, expiredUs, file));

    public void OnEvent(AnalyzerEvent e, string? file)
    {
        if (Events) Publish(RecordType.Event, _events, new EventRow(e, file));
    }

    public void OnDevices(DeviceInventory inventory, string? file)
    {
        foreach (var d in inventory.Devices)
            Publish(RecordType.Device, _devices, DeviceRow.Of(d, file));
    }

    private void Publish<T>(RecordType type, JsonRecordEncoder<T> encoder, T row)
    {
        _buffer.ResetWrittenCount();
        if (_json is null) _json = new Utf8JsonWriter(_buffer, EventFieldsJson.Options);
        else _json.Reset(_buffer);
        encoder.Write(_json, row);
        _json.Flush();
        // A refused or dropped record is counted by the publisher and shown in its status; the run goes on.
        publisher.Publish(type, _buffer.WrittenSpan);
    }
}
