namespace Analyzer.Publishing;

/// <summary>The field names of one stream entry; producer and consumer agree on them here.</summary>
public static class StreamEntryFields
{
    public const string Sensor = "sensor";
    public const string Sequence = "seq";
    public const string Record = "record";
}
