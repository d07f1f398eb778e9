namespace Analyzer.Tests.Decoding.NatPmp;

/// <summary>
/// PCP messages for the parser tests. The real one is the ANNOUNCE response in iphone.pcap (frame 10, from the
/// conformance corpus, as <c>tshark -T fields -e udp.payload</c> gives it). The constructed MAP/PEER messages were
/// wrapped with text2pcap and read with <c>tshark -O portcontrol</c> (Wireshark 4.0.17): every expected value is what
/// it shows, except that IPv4-mapped addresses (which Wireshark prints as ::ffff:a.b.c.d) are expected as IPv4.
/// Messages are built from named parts so that each case says what it holds.
/// </summary>
public static class PcpParsingData
{
    public const string Nonce = "0102030405060708090a0b0c";

    /// <summary>MAP request: lifetime 7200, client 192.168.1.20, TCP, internal 445, suggested 445 at 0.0.0.0.</summary>
    public const string MapRequest =
        "02010000" + "00001c20" + "00000000000000000000ffffc0a80114"
        + Nonce + "06000000" + "01bd01bd" + "00000000000000000000ffff00000000";
    public const string MapRequestFields =
        "version=2|opcode=1|lifetime=7200|internal_port=445|external_port=445|external_address=0.0.0.0"
        + "|client_address=192.168.1.20|nonce=" + Nonce + "|protocol=6";

    public const string ThirdParty192_168_1_50 = "01000010" + "00000000000000000000ffffc0a80132";
    public const string PreferFailure = "02000000";
    /// <summary>FILTER with prefix length 0: every remote peer allowed.</summary>
    public const string FilterAnyPeer = "03000014" + "00000000" + "00000000000000000000000000000000";
    public const string Unknown200 = "c8000004" + "deadbeef";
    /// <summary>An option code nobody defines, with no data: many of them fit in one message.</summary>
    public const string EmptyUnknown201 = "c9000000";

    public const string AnnounceResponseIphone = "028000000000000000000021000000000000000000000000";

    /// <summary>Source, payload hex, message name, fields.</summary>
    public static TheoryData<string, string, string, string> RealMessages => new()
    {
        {
            "iphone.pcap frame 10 (to 224.0.0.1:5350)", AnnounceResponseIphone, "AnnounceResponse",
            "version=2|opcode=0|result_code=0|result=SUCCESS|epoch=33|lifetime=0|options=0"
        },
    };

    /// <summary>Payload hex, message name, fields.</summary>
    public static TheoryData<string, string, string> ConstructedMessages => new()
    {
        {
            MapRequest + ThirdParty192_168_1_50 + PreferFailure + FilterAnyPeer + Unknown200, "MapRequest",
            MapRequestFields + "|options=4|third_party=192.168.1.50|prefer_failure=true"
                + "|filter=prefix=0 port=0 addr=::|option_200=deadbeef"
        },
        { MapRequest, "MapRequest", MapRequestFields + "|options=0" },
        {
            // PEER request from an IPv6 client, UDP 5060 to 203.0.113.7:3478, on behalf of 2001:db8::99.
            "02020000" + "00000e10" + "20010db8000000000000000000000010"
                + Nonce + "11000000" + "13c413c4" + "00000000000000000000000000000000"
                + "0d960000" + "00000000000000000000ffffcb007107"
                + "01000010" + "20010db8000000000000000000000099",
            "PeerRequest",
            "version=2|opcode=2|lifetime=3600|internal_port=5060|external_port=5060|external_address=::"
                + "|client_address=2001:db8::10|nonce=" + Nonce + "|protocol=17|remote_port=3478"
                + "|remote_address=203.0.113.7|options=1|third_party=2001:db8::99"
        },
        {
            "02810000" + "00001c20" + "000004d2" + "000000000000000000000000"
                + Nonce + "06000000" + "01bd9dfd" + "00000000000000000000ffffc6336404",
            "MapResponse",
            "version=2|opcode=1|result_code=0|result=SUCCESS|epoch=1234|lifetime=7200|internal_port=445"
                + "|external_port=40445|external_address=198.51.100.4|nonce=" + Nonce + "|protocol=6|options=0"
        },
        {
            "02820000" + "00000e10" + "000004d2" + "000000000000000000000000"
                + Nonce + "11000000" + "13c4f230" + "00000000000000000000ffffc6336404"
                + "0d960000" + "00000000000000000000ffffcb007107",
            "PeerResponse",
            "version=2|opcode=2|result_code=0|result=SUCCESS|epoch=1234|lifetime=3600|internal_port=5060"
                + "|external_port=62000|external_address=198.51.100.4|nonce=" + Nonce + "|protocol=17"
                + "|remote_port=3478|remote_address=203.0.113.7|options=0"
        },
        {
            // Error response that stops after the common header (RFC 6887 §8.3); Wireshark 4.0 marks it "Malformed".
            "02810002" + "00000000" + "00000063" + "000000000000000000000000",
            "MapResponse", "version=2|opcode=1|result_code=2|result=NOT_AUTHORIZED|epoch=99|lifetime=0|options=0"
        },
        {
            "020000000000000000000000000000000000ffff0a000002", "AnnounceRequest",
            "version=2|opcode=0|lifetime=0|client_address=10.0.0.2|options=0"
        },
        {
            // FILTER for an IPv6 remote prefix, delete-all lifetime 0, protocol 0 (all).
            "020100000000000000000000000000000000ffff0a000002" + Nonce + "00000000" + "00000000"
                + "00000000000000000000ffff00000000" + "03000014" + "00401f90" + "20010db8000100000000000000000000",
            "MapRequest",
            "version=2|opcode=1|lifetime=0|internal_port=0|external_port=0|external_address=0.0.0.0"
                + "|client_address=10.0.0.2|nonce=" + Nonce + "|protocol=0|options=1|filter=prefix=64 port=8080 addr=2001:db8:1::"
        },
        {
            // Several FILTERs are allowed in one MAP request (§13.3): one field, values in order.
            "020100000000025800000000000000000000ffff0a000002" + Nonce + "06000000" + "1f900000"
                + "00000000000000000000ffff00000000"
                + "03000014" + "00200000" + "00000000000000000000ffffc6336409" + FilterAnyPeer,
            "MapRequest",
            "version=2|opcode=1|lifetime=600|internal_port=8080|external_port=0|external_address=0.0.0.0"
                + "|client_address=10.0.0.2|nonce=" + Nonce + "|protocol=6|options=2"
                + "|filter=prefix=32 port=0 addr=198.51.100.9; prefix=0 port=0 addr=::"
        },
        {
            // An option whose length (5) is not a multiple of 4 is followed by padding (§7.3); Wireshark 4.0 shows
            // it as Description (RFC 7220) and then loses its place.
            MapRequest + "80000005" + "6162636465000000" + PreferFailure, "MapRequest",
            MapRequestFields + "|options=2|option_128=6162636465|prefer_failure=true"
        },
    };

    /// <summary>Payload hex, message name, fields, anomaly id: decoded, and reported.</summary>
    public static TheoryData<string, string, string, string> ToleratedMessages => new()
    {
        {
            "020500000000000000000000000000000000ffff0a000002", "Opcode5Request",
            "version=2|opcode=5|lifetime=0|client_address=10.0.0.2", "pcp.unknown_opcode"
        },
        {
            "02850004000000000000000c00000000000000000000000001020304", "Opcode5Response",
            "version=2|opcode=5|result_code=4|result=UNSUPP_OPCODE|epoch=12|lifetime=0", "pcp.unknown_opcode"
        },
        {
            // THIRD_PARTY twice: §13.1 forbids it, miniupnpd mishandled it (CVE-2019-12111).
            MapRequest + "0100001000000000000000000000ffff0a000007" + "0100001000000000000000000000ffff0a000008",
            "MapRequest", MapRequestFields + "|options=2|third_party=10.0.0.7; 10.0.0.8", "pcp.duplicate_option"
        },
        {
            MapRequest + PreferFailure + PreferFailure,
            "MapRequest", MapRequestFields + "|options=2|prefer_failure=true; true", "pcp.duplicate_option"
        },
    };

    /// <summary>Payload hex and the anomaly id: rejected, no event.</summary>
    public static TheoryData<string, string> MalformedMessages => new()
    {
        { MapRequest + "01000004" + "c0a80132", "pcp.bad_option_length" },
        { MapRequest + "02000004" + "00000000", "pcp.bad_option_length" },
        { MapRequest + "03000010" + "00000000" + "000000000000000000000000", "pcp.bad_option_length" },
        { MapRequest + "02", "pcp.truncated_option" },
        { MapRequest + "0200", "pcp.truncated_option" },
        { MapRequest + PreferFailure + "000000", "pcp.truncated_option" },
        { MapRequest + "c8000064" + "00000000", "pcp.truncated_option" },
        { MapRequest + "c8000005" + "6162636465", "pcp.option_length_not_multiple_of_4" },
        { MapRequest + "c8000006" + "61626364656600", "pcp.option_length_not_multiple_of_4" },
        { MapRequest + string.Concat(Enumerable.Repeat(EmptyUnknown201, 17)), "pcp.too_many_options" },
        { MapRequest + "96000410" + Bytes(1040), "pcp.message_too_long" },
        { "03" + MapRequest[2..], "pcp.bad_version" },
        { "ff" + MapRequest[2..], "pcp.bad_version" },
        { MapRequest[..^2], "pcp.truncated_body" },
        { AnnounceResponseIphone[..^2], "pcp.truncated_header" },
        { "", "pcp.truncated_header" },
    };

    /// <summary>Messages without options: every proper prefix is rejected.</summary>
    public static TheoryData<string> PrefixSources => new()
    {
        AnnounceResponseIphone,
        "020000000000000000000000000000000000ffff0a000002",
        MapRequest,
        "02810000" + "00001c20" + "000004d2" + "000000000000000000000000"
            + Nonce + "06000000" + "01bd9dfd" + "00000000000000000000ffffc6336404",
    };

    /// <summary>A MAP request with options, and the prefix lengths that end on an option boundary (and so are
    /// themselves valid messages with fewer options).</summary>
    public static TheoryData<string, int[]> PrefixSourcesWithOptions => new()
    {
        { MapRequest + ThirdParty192_168_1_50 + PreferFailure + FilterAnyPeer + Unknown200, [60, 80, 84, 108] },
        { MapRequest + "80000005" + "6162636465000000" + PreferFailure, [60, 72] },
    };

    /// <summary><paramref name="count"/> bytes counting up from 0 and wrapping, as hex.</summary>
    public static string Bytes(int count) =>
        Convert.ToHexStringLower(Enumerable.Range(0, count).Select(i => (byte)i).ToArray());
}
