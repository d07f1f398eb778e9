using Analyzer.Decoding;
using Analyzer.Decoding.NatPmp;
using Analyzer.Decoding.Ssdp;

namespace Analyzer.Pipeline;

/// <summary>The protocol analyzers a pipeline runs: one list, so offline and live capture decode alike.</summary>
public static class ProtocolAnalyzers
{
    public static IDatagramAnalyzer[] CreateDatagramAnalyzers() => [new SsdpAnalyzer(), new NatPmpAnalyzer()];

    public static ISegmentAnalyzer? CreateSegmentAnalyzer() => new Analyzer.Decoding.HttpFamily.HttpStreamAnalyzer();
}
