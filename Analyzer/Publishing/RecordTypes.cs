namespace Analyzer.Publishing;

/// <summary>Stream names and the drop policy of each record type.</summary>
public static class RecordTypes
{
    public static IReadOnlyList<RecordType> All { get; } =
        [RecordType.Alert, RecordType.Event, RecordType.Flow, RecordType.Mapping, RecordType.Device];

    /// <summary>The broker-side stream (or subject, or topic) of a record type: <c>upnp:alerts</c>, …</summary>
    public static string StreamName(this RecordType type) => type switch
    {
        RecordType.Alert => "upnp:alerts",
        RecordType.Event => "upnp:events",
        RecordType.Flow => "upnp:flows",
        RecordType.Mapping => "upnp:mappings",
        RecordType.Device => "upnp:devices",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>
    /// Events and flows are numerous and each one adds little: when the spool is full, the oldest of them make room.
    /// Alerts, devices and mappings are the findings themselves and are never dropped.
    /// </summary>
    public static bool IsDroppable(this RecordType type) => type is RecordType.Event or RecordType.Flow;

    public static bool IsDefined(byte value) => value is >= (byte)RecordType.Alert and <= (byte)RecordType.Device;

    public static RecordType? FromStreamName(string stream)
    {
        foreach (var type in All)
            if (type.StreamName() == stream) return type;
        return null;
    }
}
