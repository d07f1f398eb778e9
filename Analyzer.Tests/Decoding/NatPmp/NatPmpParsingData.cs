namespace Analyzer.Tests.Decoding.NatPmp;

/// <summary>
/// NAT-PMP messages for the parser tests. "Real" ones are UDP payloads of the conformance captures
/// (shared/conformance/pcaps/ntop__nDPI, taken with <c>tshark -T fields -e udp.payload</c>); every expected field
/// value is what <c>tshark -O nat-pmp</c> (Wireshark 4.0.17) shows for that frame. Constructed ones were also
/// checked with tshark after wrapping them with text2pcap; where the decoder is more tolerant than Wireshark the
/// entry says so.
/// </summary>
public static class NatPmpParsingData
{
    /// <summary>Source, payload hex, message name, fields.</summary>
    public static TheoryData<string, string, string, string> RealMessages => new()
    {
        { "natpmp.pcap frame 1", "0000", "ExternalAddressRequest", "version=0|opcode=0" },
        {
            "natpmp.pcap frame 2", "00800000002b3add0ac9d5ae", "ExternalAddressResponse",
            "version=0|opcode=128|result_code=0|result=Success|epoch=2833117|external_address=10.201.213.174"
        },
        {
            "natpmp.pcap frame 3", "00020000c8d5c8d500000e10", "MapTcpRequest",
            "version=0|opcode=2|lifetime=3600|internal_port=51413|external_port=51413"
        },
        {
            "natpmp.pcap frame 4", "00820000002b3ae5c8d5c8d500000e10", "MapTcpResponse",
            "version=0|opcode=130|result_code=0|result=Success|epoch=2833125|lifetime=3600|internal_port=51413|external_port=51413"
        },
        {
            "natpmp.pcap frame 6", "0002000055f0186300000e10", "MapTcpRequest",
            "version=0|opcode=2|lifetime=3600|internal_port=22000|external_port=6243"
        },
        {
            "natpmp.pcap frame 8", "0002000055f04ef800000e10", "MapTcpRequest",
            "version=0|opcode=2|lifetime=3600|internal_port=22000|external_port=20216"
        },
        {
            "iphone.pcap frame 11 (to 224.0.0.1)", "0080000000000021c0a8010b", "ExternalAddressResponse",
            "version=0|opcode=128|result_code=0|result=Success|epoch=33|external_address=192.168.1.11"
        },
    };

    /// <summary>Payload hex, message name, fields: well-formed messages the captures lack.</summary>
    public static TheoryData<string, string, string> ConstructedMessages => new()
    {
        {
            "000100001f901f9000015180", "MapUdpRequest",
            "version=0|opcode=1|lifetime=86400|internal_port=8080|external_port=8080"
        },
        {
            "008100000000006400351f9000001c20", "MapUdpResponse",
            "version=0|opcode=129|result_code=0|result=Success|epoch=100|lifetime=7200|internal_port=53|external_port=8080"
        },
        {
            "00800009000000070a000001", "ExternalAddressResponse",
            "version=0|opcode=128|result_code=9|result=Unknown|epoch=7|external_address=10.0.0.1"
        },
        // Error responses that stop after the epoch (RFC 6886 §3.5); Wireshark 4.0 marks these "Malformed".
        { "0081000200000063", "MapUdpResponse", "version=0|opcode=129|result_code=2|result=NotAuthorized|epoch=99" },
        { "0080000100000005", "ExternalAddressResponse", "version=0|opcode=128|result_code=1|result=UnsupportedVersion|epoch=5" },
        { "0082000300000001", "MapTcpResponse", "version=0|opcode=130|result_code=3|result=NetworkFailure|epoch=1" },
        { "0082000400000001", "MapTcpResponse", "version=0|opcode=130|result_code=4|result=OutOfResources|epoch=1" },
        { "0082000500000001", "MapTcpResponse", "version=0|opcode=130|result_code=5|result=UnsupportedOpcode|epoch=1" },
    };

    /// <summary>Payload hex, message name, fields, anomaly id: decoded, and reported (as Wireshark annotates them).</summary>
    public static TheoryData<string, string, string, string> ToleratedMessages => new()
    {
        { "0003", "Opcode3Request", "version=0|opcode=3", "natpmp.unknown_opcode" },
        { "007f00000000", "Opcode127Request", "version=0|opcode=127", "natpmp.unknown_opcode" },
        {
            "0083000500000007", "Opcode131Response",
            "version=0|opcode=131|result_code=5|result=UnsupportedOpcode|epoch=7", "natpmp.unknown_opcode"
        },
        { "000000", "ExternalAddressRequest", "version=0|opcode=0", "natpmp.bad_length" },
        {
            "00020000c8d5c8d500000e10ffff", "MapTcpRequest",
            "version=0|opcode=2|lifetime=3600|internal_port=51413|external_port=51413", "natpmp.bad_length"
        },
    };

    /// <summary>Payload hex and the anomaly id: rejected, no event.</summary>
    public static TheoryData<string, string> MalformedMessages => new()
    {
        { "", "natpmp.truncated" },
        { "00", "natpmp.truncated" },
        // Map UDP request without its reserved field: Wireshark 4.0 shows it as Malformed too.
        { "00011f901f9000015180", "natpmp.truncated" },
        // A success response must carry its whole body; only error responses may stop after the epoch.
        { "0081000000000063", "natpmp.truncated" },
        // An error response longer than the header must still be complete.
        { "00810002000000630035", "natpmp.truncated" },
        // An unknown response still has a result code and epoch.
        { "0083000500", "natpmp.truncated" },
        { "0180", "natpmp.unsupported_version" },
        { "ff00", "natpmp.unsupported_version" },
    };

    /// <summary>Well-formed messages whose every proper prefix must be rejected as truncated.</summary>
    public static TheoryData<string> PrefixSources => new()
    {
        "0000",
        "00800000002b3add0ac9d5ae",
        "00020000c8d5c8d500000e10",
        "00820000002b3ae5c8d5c8d500000e10",
        "000100001f901f9000015180",
        "008100000000006400351f9000001c20",
    };
}
