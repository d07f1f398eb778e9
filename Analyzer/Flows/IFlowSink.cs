namespace Analyzer.Flows;

/// <summary>Receives flows as they end (idle timeout, TCP close, eviction or end of input).</summary>
public interface IFlowSink
{
    void OnFlowEnd(FlowRecord flow);
}
