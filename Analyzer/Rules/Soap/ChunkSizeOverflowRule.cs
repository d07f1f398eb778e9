using Analyzer.Decoding;
using Analyzer.Decoding.Http;
using Analyzer.Events;
using Analyzer.Rules.Text;

namespace Analyzer.Rules.Soap;

/// <summary>
/// THREATS.md <c>soap-miniupnpc-chunked</c> (CVE-2017-8798): an HTTP response with a chunk size of 2^31 or more, a
/// negative int in miniupnpc's getHTTPResponse; a rogue IGD answering games, torrent clients and Bitcoin nodes.
/// No IGD ever sends a chunk over 16 MB. From the decoder's <c>http.chunk_too_large</c> anomaly.
/// </summary>
public sealed class ChunkSizeOverflowRule : IRule
{
    public static readonly RuleInfo Rule = new("soap-miniupnpc-chunked", AlertCategory.ExploitAttempt, Severity.High,
        "An HTTP chunk size of 2^31 or more toward a UPnP client (miniupnpc getHTTPResponse, CVE-2017-8798)");

    public RuleInfo Info => Rule;

    public void OnEvent(AnalyzerEvent analyzerEvent, RuleContext context) { }

    public void OnAnomaly(DecodeAnomaly anomaly, RuleContext context)
    {
        if (anomaly.Id != HttpAnomalyIds.ChunkTooLarge) return;
        context.Raise(Rule, anomaly.Packet, ProtocolNames.Soap,
            $"{anomaly.Packet.Src} sent {anomaly.Packet.Dst} an HTTP {Evidence.Quote(anomaly.Detail, -1, 60)}: a negative length for miniupnpc < 2.0.20170509");
    }
}
