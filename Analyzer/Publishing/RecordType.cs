namespace Analyzer.Publishing;

/// <summary>The kinds of record a sensor publishes; each goes to its own stream.</summary>
public enum RecordType : byte
{
    Alert = 1,
    Event = 2,
    Flow = 3,
    Mapping = 4,
    Device = 5,
}
