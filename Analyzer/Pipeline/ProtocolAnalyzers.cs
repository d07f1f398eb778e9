using Analyzer.Decoding;
using Analyzer.Decoding.HttpFamily;
using Analyzer.Decoding.NatPmp;
using Analyzer.Decoding.Ssdp;
using Analyzer.Reassembly;

namespace Analyzer.Pipeline;

/// <summary>The protocol analyzers a pipeline runs: one list each, so offline and live capture decode alike.</summary>
public static class ProtocolAnalyzers
{
    /// <summary>The UDP analyzers, asked in turn whether they want each datagram.</summary>
    public static IDatagramAnalyzer[] CreateDatagramAnalyzers() => [new SsdpAnalyzer(), new NatPmpAnalyzer()];

    /// <summary>The TCP analyzers, asked in turn at each connection's first bytes whether they claim it.</summary>
    public static ITcpStreamAnalyzer[] CreateStreamAnalyzers() => [new HttpStreamAnalyzer()];

    /// <summary>The reassembler that puts every TCP connection in order and hands it to the TCP analyzers.</summary>
    public static TcpReassembler CreateReassembler(TcpReassemblyLimits? limits = null) =>
        new(new TcpAnalyzerRegistry(CreateStreamAnalyzers()), limits);
}
