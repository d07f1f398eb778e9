namespace Analyzer.Decoding.Link;

/// <summary>The pcap LINKTYPE_* values the sensor decodes (tcpdump.org/linktypes.html).</summary>
public enum LinkType
{
    Null = 0,
    Ethernet = 1,
    RawBsd = 12,
    RawBsdAlt = 14,
    Raw = 101,
    Loop = 108,
    LinuxSll = 113,
    Ipv4 = 228,
    Ipv6 = 229,
    LinuxSll2 = 276,
}
