namespace Analyzer.Decoding.Ip;

/// <summary>
/// IPv4 (RFC 791) and IPv6 (RFC 8200) header offsets.
/// <code>
///  IPv4:  0 ver/IHL | 1 TOS | 2-3 total length | 4-5 id | 6-7 flags/frag offset | 8 TTL | 9 protocol
///         10-11 checksum | 12-15 source | 16-19 destination | options…
///  IPv6:  0-3 ver/class/flow | 4-5 payload length | 6 next header | 7 hop limit | 8-23 source | 24-39 destination
/// </code>
/// </summary>
internal static class IpFields
{
    public const int V4MinHeaderLength = 20;
    public const int V4TotalLengthOffset = 2;
    public const int V4IdOffset = 4;
    public const int V4FragmentOffset = 6;
    public const int V4ProtocolOffset = 9;
    public const int V4SourceOffset = 12;
    public const int V4DestinationOffset = 16;

    public const int V6HeaderLength = 40;
    public const int V6PayloadLengthOffset = 4;
    public const int V6NextHeaderOffset = 6;
    public const int V6SourceOffset = 8;
    public const int V6DestinationOffset = 24;

    public const byte HopByHop = 0;
    public const byte Routing = 43;
    public const byte Fragment = 44;
    public const byte Esp = 50;
    public const byte Ah = 51;
    public const byte NoNextHeader = 59;
    public const byte DestinationOptions = 60;
    public const byte Mobility = 135;

    /// <summary>More extension headers than this is treated as an attack on the decoder, not a packet.</summary>
    public const int MaxExtensionHeaders = 8;
}
