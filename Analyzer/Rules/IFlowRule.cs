using Analyzer.Flows;

namespace Analyzer.Rules;

/// <summary>A rule that judges finished flows (who talked to whom, how much), for threats no message decoder sees.</summary>
public interface IFlowRule
{
    void OnFlowEnd(FlowRecord flow, RuleContext context);
}
