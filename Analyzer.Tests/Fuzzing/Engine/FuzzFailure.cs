namespace Analyzer.Tests.Fuzzing;

/// <summary>One failing case: which target, the seed that rebuilds it, what went wrong, and what was fed.</summary>
public sealed record FuzzFailure(string Target, int CaseSeed, string Kind, string Message, FuzzCase Case)
{
    public override string ToString() => $"{Target} case {CaseSeed}: {Kind}: {Message}";
}
