namespace Analyzer.Mapping;

/// <summary>What became of a mapping request.</summary>
public enum MappingOutcomeKind : byte
{
    Granted,
    /// <summary>Refused with a code (SOAP fault UPnPError, NAT-PMP/PCP result code).</summary>
    Refused,
    /// <summary>No answer seen within <see cref="RuleThresholds.MappingAnswerSeconds"/> (or before the input ended).</summary>
    NoAnswer,
}
