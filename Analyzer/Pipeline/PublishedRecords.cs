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
/// In an offline run (the publisher has a run fingerprint) each record is also keyed by its capture and its index
/// among that capture's records of its type: a pipeline's records follow one another in the same order each time it
/// reads the same captures, whatever the number of parallel pipelines, so a re-run publishes the same keys.
/// </summary>
public sealed class PublishedRecords(RecordPublisher publisher, bool events) : IAlertSink, IMappingSink
{
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly JsonRecordEncoder<Alert> _alerts = new(AlertRecords.Layout);
    private readonly JsonRecordEncoder<MappingRow> _mappings = new(MappingRecords.Layout);
    private readonly JsonRecordEncoder<DeviceRow> _devices = new(DeviceRecords.Layout);
    private readonly JsonRecordEncoder<EventRow> _events = new(EventRecords.Layout);
    private readonly long[] _indexes = new long[RecordTypes.All.Count + 1];
    private Utf8JsonWriter? _json;
    private string? _capture;

    public bool Events { get; } = events;

    /// <summary>A new capture: in an offline run its records are keyed by it, each type numbered again from 1.</summary>
    public void BeginCapture(string name)
    {
        if (publisher.RunFingerprint is not { } fingerprint) return;
        _capture = CaptureKeys.Of(fingerprint, _capture, name);
        Array.Clear(_indexes);
    }

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
        // Numbered even when the publisher drops it, so the indexes never depend on the spool's or the queue's state.
        RecordKey? key = _capture is null ? null : new RecordKey(_capture, ++_indexes[(int)type]);
        // A refused or dropped record is counted by the publisher and shown in its status; the run goes on.
        publisher.Publish(type, _buffer.WrittenSpan, key);
    }
}
