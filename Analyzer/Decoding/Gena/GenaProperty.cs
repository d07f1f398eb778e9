namespace Analyzer.Decoding.Gena;

/// <summary>One evented state variable of a NOTIFY property set: its name and value (capped), with the real length.</summary>
public readonly record struct GenaProperty(string Name, string Value, int Length)
{
    public bool Truncated => Length > Value.Length;
}
