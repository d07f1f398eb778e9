namespace Analyzer.Decoding.Link;

/// <summary>Offsets and constants of the link-layer headers.</summary>
internal static class LinkFields
{
    // Ethernet II: dst(6) src(6) ethertype(2)
    public const int EthernetSourceOffset = 6;
    public const int EthernetTypeOffset = EthernetSourceOffset + 6;
    public const int EthernetHeaderLength = EthernetTypeOffset + 2;

    // 802.1Q / 802.1ad tag after the addresses: TCI(2) then the inner ethertype(2)
    public const int VlanTagLength = 4;
    public const int MaxVlanTags = 4;

    // Linux cooked v1: packet type(2) ARPHRD(2) addr len(2) addr(8) protocol(2)
    public const int SllAddressLengthOffset = 4;
    public const int SllAddressOffset = 6;
    public const int SllProtocolOffset = 14;
    public const int SllHeaderLength = 16;

    // Linux cooked v2: protocol(2) reserved(2) ifindex(4) ARPHRD(2) packet type(1) addr len(1) addr(8)
    public const int Sll2ProtocolOffset = 0;
    public const int Sll2AddressLengthOffset = 11;
    public const int Sll2AddressOffset = 12;
    public const int Sll2HeaderLength = 20;

    // BSD loopback: 4-byte address family (host order for DLT_NULL, network order for DLT_LOOP)
    public const int NullHeaderLength = 4;

    public const ushort EtherTypeIpv4 = 0x0800;
    public const ushort EtherTypeIpv6 = 0x86DD;
    public const ushort EtherTypeVlan = 0x8100;
    public const ushort EtherTypeQinQ = 0x88A8;
    public const ushort EtherTypeQinQOld = 0x9100;
}
