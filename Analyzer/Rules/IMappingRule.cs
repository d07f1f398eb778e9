namespace Analyzer.Rules;

/// <summary>
/// A rule that judges port mappings. The engine pairs each request with its answer (or the lack of one, after
/// <see cref="RuleThresholds.MappingAnswerSeconds"/>) and hands the record over once, whatever the protocol, so the
/// alert can say whether the gateway granted it.
/// </summary>
public interface IMappingRule
{
    void OnMapping(MappingRecord mapping, RuleContext context);
}
