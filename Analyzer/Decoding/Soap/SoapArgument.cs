namespace Analyzer.Decoding.Soap;

/// <summary>One argument element of a SOAP action or response: its local name and text, capped, with the real length.</summary>
public readonly record struct SoapArgument(string Name, string Value, int Length)
{
    public bool Truncated => Length > Value.Length;
}
