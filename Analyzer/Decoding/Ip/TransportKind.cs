namespace Analyzer.Decoding.Ip;

/// <summary>What <see cref="TransportDecoder"/> found after the IP header.</summary>
public enum TransportKind : byte
{
    /// <summary>Neither UDP nor TCP: counted as a packet, not analyzed further.</summary>
    Other,
    Udp,
    Tcp,
    /// <summary>A UDP or TCP header that cannot be read; the anomaly id says which.</summary>
    Malformed,
}
