namespace Analyzer.Tests.Decoding.NatPmp;

/// <summary>
/// Every UDP datagram to or from port 5350/5351 in the conformance corpus (shared/conformance/pcaps; only these three
/// captures have any), listed with <c>tshark -Y 'udp.port==5350||udp.port==5351' -T fields -e frame.number -e ip.src
/// -e udp.srcport -e ip.dst -e udp.dstport -e udp.payload</c>, and the counts expected.tsv gives for them.
/// </summary>
public static class NatPmpConformanceData
{
    public static IReadOnlyList<CapturedDatagram> Datagrams { get; } =
        [
            new("natpmp.pcap", 1, "192.168.1.128", 36852, "192.168.1.254", 5351, "0000"),
            new("natpmp.pcap", 2, "192.168.1.254", 5351, "192.168.1.128", 36852, "00800000002b3add0ac9d5ae"),
            new("natpmp.pcap", 3, "192.168.1.128", 36852, "192.168.1.254", 5351, "00020000c8d5c8d500000e10"),
            new("natpmp.pcap", 4, "192.168.1.254", 5351, "192.168.1.128", 36852, "00820000002b3ae5c8d5c8d500000e10"),
            new("natpmp.pcap", 5, "192.168.2.100", 36845, "192.168.2.1", 5351, "0000"),
            new("natpmp.pcap", 6, "192.168.2.100", 59817, "192.168.2.1", 5351, "0002000055f0186300000e10"),
            new("natpmp.pcap", 7, "192.168.2.100", 59817, "192.168.2.1", 5351, "0002000055f0186300000e10"),
            new("natpmp.pcap", 8, "192.168.2.100", 35763, "192.168.2.1", 5351, "0002000055f04ef800000e10"),
            new("natpmp.pcap", 9, "192.168.2.100", 35763, "192.168.2.1", 5351, "0002000055f04ef800000e10"),
            new("natpmp.pcap", 10, "192.168.2.100", 35763, "192.168.2.1", 5351, "0002000055f04ef800000e10"),
            new("natpmp.pcap", 11, "192.168.2.100", 35763, "192.168.2.1", 5351, "0002000055f04ef800000e10"),
            new("gnutella.pcap", 157, "10.0.2.15", 57619, "10.0.2.2", 5351, "0000"),
            new("gnutella.pcap", 158, "10.0.2.15", 57620, "10.0.2.2", 5351, "0000"),
            new("gnutella.pcap", 165, "10.0.2.15", 57621, "10.0.2.2", 5351, "0000"),
            new("gnutella.pcap", 176, "10.0.2.15", 57622, "10.0.2.2", 5351, "0000"),
            new("iphone.pcap", 10, "192.168.2.1", 5351, "224.0.0.1", 5350, "028000000000000000000021000000000000000000000000"),
            new("iphone.pcap", 11, "192.168.2.1", 5351, "224.0.0.1", 5350, "0080000000000021c0a8010b"),
        ];

    /// <summary>Capture, natpmp_request, natpmp_response, pcp_request, pcp_response (columns of expected.tsv).</summary>
    public static TheoryData<string, int, int, int, int> ExpectedCounts => new()
    {
        { "natpmp.pcap", 9, 2, 0, 0 },
        { "gnutella.pcap", 4, 0, 0, 0 },
        { "iphone.pcap", 0, 1, 0, 1 },
    };
}
