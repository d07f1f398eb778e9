namespace Analyzer.Publishing;

/// <summary>
/// The field names of one stream entry; producer and consumer agree on them here. Every entry has <see cref="Sensor"/>,
/// <see cref="Sequence"/> (the sensor's delivery order) and <see cref="Record"/>; an offline run's entries also have
/// <see cref="Capture"/> and <see cref="Index"/>, which identify the record instead of the sequence.
/// </summary>
public static class StreamEntryFields
{
    public const string Sensor = "sensor";
    public const string Sequence = "seq";
    public const string Capture = "capture";
    public const string Index = "index";
    public const string Record = "record";
}
