using Analyzer.Decoding;

namespace Analyzer.Pipeline;

/// <summary>The protocol analyzers a pipeline runs: one list, so offline and live capture decode alike.</summary>
public static class ProtocolAnalyzers
{
    public static IDatagramAnalyzer[] CreateDatagramAnalyzers() => [];

    public static ISegmentAnalyzer? CreateSegmentAnalyzer() => null;
}
