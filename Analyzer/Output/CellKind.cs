namespace Analyzer.Output;

/// <summary>What a <see cref="Cell"/> holds, and so how each writer renders it.</summary>
public enum CellKind : byte
{
    /// <summary>No value: an empty CSV cell, a key left out of JSON.</summary>
    Empty,
    /// <summary>Text the product makes (names, addresses): written as is.</summary>
    Text,
    /// <summary>Text a device or attacker chose: cleaned and capped for CSV (<see cref="CsvText"/>), capped for JSON.</summary>
    UntrustedText,
    Integer,
    /// <summary>A real number, with up to four decimals in both formats.</summary>
    Real,
    Boolean,
    /// <summary>Capture time in microseconds since the Unix epoch: ISO-8601 UTC with microseconds in both.</summary>
    Time,
    /// <summary>A list of untrusted strings: joined with "; " in CSV, an array in JSON.</summary>
    List,
    /// <summary>A decoded message's own fields: one JSON object in a CSV cell, a typed nested object in JSON.</summary>
    EventFields,
}
