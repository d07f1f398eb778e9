namespace Analyzer.Decoding.Ip;

/// <summary>Stable ids of the <see cref="DecodeAnomaly"/> records of IP and transport-header decoding.</summary>
public static class IpAnomalyIds
{
    public const string V4Truncated = "ipv4.truncated";
    public const string V4BadVersion = "ipv4.bad_version";
    public const string V4BadHeaderLength = "ipv4.bad_header_length";
    public const string V6Truncated = "ipv6.truncated";
    public const string V6BadVersion = "ipv6.bad_version";
    public const string V6TooManyExtensionHeaders = "ipv6.too_many_extension_headers";
    public const string V6TruncatedExtensionHeader = "ipv6.truncated_extension_header";
    public const string FragmentTooLarge = "ip.fragment_too_large";
    public const string FragmentCap = "ip.fragment_cap";
    public const string TooManyFragments = "ip.too_many_fragments";
    public const string FragmentConflict = "ip.fragment_conflict";
    public const string FragmentTimeout = "ip.fragment_timeout";
    /// <summary>A UDP header cut short, or a length field below the header's own 8 bytes.</summary>
    public const string UdpTruncated = "udp.truncated";
    /// <summary>A TCP header shorter than 20 bytes or than its data offset says.</summary>
    public const string TcpBadHeader = "tcp.bad_header";
}
