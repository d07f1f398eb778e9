using Analyzer.Decoding;
using Analyzer.Events;

namespace Analyzer.Rules;

/// <summary>
/// A detection rule. It sees decoded events and decode anomalies, keeps only bounded state, and raises alerts
/// through the context. Rules never parse bytes.
/// </summary>
public interface IRule
{
    RuleInfo Info { get; }
    void OnEvent(AnalyzerEvent analyzerEvent, RuleContext context);
    void OnAnomaly(DecodeAnomaly anomaly, RuleContext context) { }
    /// <summary>Capture time advanced: close windows that ended.</summary>
    void Expire(long nowUs, RuleContext context) { }
}
