namespace Analyzer.Tests.Conformance;

/// <summary>
/// Where the analyzer is right and Wireshark 4.0 is not, read packet by packet (conformance/README.md asks for a
/// note with frame numbers instead of tuning to the table). Each entry gives the count the analyzer must produce and
/// the exact frames that make the difference, which the test checks too.
/// </summary>
public static class KnownDifferences
{
    public sealed record Difference(string Capture, string Column, string AnalyzerValue, long[] Frames, string Why);

    public static readonly IReadOnlyList<Difference> All =
    [
        new("ntop__nDPI/anyconnect-vpn.pcap", "ssdp_response", "10", [397, 415, 521, 526, 534],
            "Chromecast DIAL search replies (HTTP/1.1 200 OK, ST: urn:dial-multiscreen-org:service:dial:1) sent from " +
            "ephemeral ports to the port Chrome searched from, 0.09-0.2 s after its M-SEARCH; Wireshark only " +
            "dissects SSDP on port 1900 and shows them as UDP data. The issue requires answers to a recent M-SEARCH " +
            "from any port to be recognized."),
        new("OISF__suricata-verify/output-eve-ftp-data/input.pcap", "ssdp_response", "28",
            [3, 23, 38, 96, 103, 148, 335, 346, 365, 382, 467, 499, 516, 613, 663, 753, 768, 770, 843, 888, 906, 925, 1082, 1102, 1215, 1241, 1258, 1349],
            "Replies from the IGD 192.168.0.1 port 1901 (Server: ... UPnP-Device-Host/1.0) to 192.168.0.13:62923, each " +
            "within about 1 s of that host's M-SEARCH from that port; Wireshark does not dissect port 1901 as SSDP."),
    ];

    public static Difference? For(string capture, string column) =>
        All.FirstOrDefault(d => d.Capture == capture && d.Column == column);
}
