using Analyzer.Decoding;

namespace Analyzer.Output;

/// <summary>Transport names as the outputs write them.</summary>
public static class TransportNames
{
    /// <summary>Lower case, the flow log's <c>transport</c> column.</summary>
    public static string Lower(Transport t) => t == Transport.Tcp ? "tcp" : t == Transport.Udp ? "udp" : "other";

    /// <summary>Upper case, EVE's <c>proto</c>; null when neither TCP nor UDP.</summary>
    public static string? Eve(Transport t) => t == Transport.Tcp ? "TCP" : t == Transport.Udp ? "UDP" : null;
}
