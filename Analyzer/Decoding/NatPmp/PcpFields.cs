namespace Analyzer.Decoding.NatPmp;

/// <summary>
/// Offsets and lengths of PCP messages (RFC 6887 §7, §11–§13), each derived from the one before it. Opcode-specific
/// offsets count from the end of the common header; option offsets from the start of the option.
/// </summary>
/// <remarks>
/// <code>
/// Request header (§7.1)                               Response header (§7.2)
/// +--------+-+-------+----------------+               +--------+-+-------+--------+--------+
/// | Ver= 2 |R| Opcode| Reserved (16)  |               | Ver= 2 |R| Opcode| Rsvd   | Result |
/// +--------+-+-------+----------------+               +--------+-+-------+--------+--------+
/// | Requested Lifetime (32)           |               | Lifetime (32)                      |
/// +-----------------------------------+               +------------------------------------+
/// | PCP Client's IP Address (128)     |               | Epoch Time (32)                    |
/// +-----------------------------------+               +------------------------------------+
///                                                     | Reserved (96)                      |
///                                                     +------------------------------------+
/// MAP (§11.1) / PEER (§12.1) opcode data              Option (§7.3)
/// +-----------------------------------+               +--------+--------+------------------+
/// | Mapping Nonce (96)                |               | Code   | Rsvd   | Option Length(16)|
/// +--------+--------------------------+               +--------+--------+------------------+
/// | Proto  | Reserved (24)            |               : Data, zero-padded to 4 octets      :
/// +--------+--------+-----------------+               +------------------------------------+
/// | Internal Port   | Suggested Port  |
/// +-----------------+-----------------+               THIRD_PARTY (1): Internal IP Address (128)
/// | Suggested External IP (128)       |               PREFER_FAILURE (2): no data
/// +-----------------+-----------------+  PEER only    FILTER (3): Reserved (8), Prefix Length (8),
/// | Remote Peer Port| Reserved (16)   |                 Remote Peer Port (16), Remote Peer IP (128)
/// +-----------------+-----------------+
/// | Remote Peer IP Address (128)      |
/// +-----------------------------------+
/// </code>
/// </remarks>
internal static class PcpFields
{
    public const byte Version = 2;
    public const byte ResponseBit = 0x80;
    public const byte OpcodeMask = 0x7F;
    /// <summary>§7: the maximum UDP payload of a PCP message.</summary>
    public const int MaxMessageLength = 1100;
    public const int Alignment = 4;

    public const int PortLength = 2;
    public const int LifetimeLength = 4;
    public const int AddressLength = 16;

    public const int VersionOffset = 0;
    public const int VersionLength = 1;
    public const int OpcodeOffset = VersionOffset + VersionLength;
    public const int OpcodeLength = 1;

    // Request header.
    public const int RequestReservedOffset = OpcodeOffset + OpcodeLength;
    public const int RequestReservedLength = 2;
    public const int RequestLifetimeOffset = RequestReservedOffset + RequestReservedLength;
    public const int ClientAddressOffset = RequestLifetimeOffset + LifetimeLength;
    public const int RequestHeaderLength = ClientAddressOffset + AddressLength;

    // Response header.
    public const int ResponseReservedOffset = OpcodeOffset + OpcodeLength;
    public const int ResponseReservedLength = 1;
    public const int ResultCodeOffset = ResponseReservedOffset + ResponseReservedLength;
    public const int ResultCodeLength = 1;
    public const int ResponseLifetimeOffset = ResultCodeOffset + ResultCodeLength;
    public const int EpochOffset = ResponseLifetimeOffset + LifetimeLength;
    public const int EpochLength = 4;
    public const int ResponseTrailerOffset = EpochOffset + EpochLength;
    public const int ResponseTrailerLength = 12;
    public const int ResponseHeaderLength = ResponseTrailerOffset + ResponseTrailerLength;

    /// <summary>Both headers are 24 octets, so opcode data starts at the same place in requests and responses.</summary>
    public const int HeaderLength = RequestHeaderLength;

    // MAP and PEER opcode data (PEER extends MAP's layout).
    public const int NonceOffset = 0;
    public const int NonceLength = 12;
    public const int ProtocolOffset = NonceOffset + NonceLength;
    public const int ProtocolLength = 1;
    public const int MapReservedOffset = ProtocolOffset + ProtocolLength;
    public const int MapReservedLength = 3;
    public const int InternalPortOffset = MapReservedOffset + MapReservedLength;
    public const int ExternalPortOffset = InternalPortOffset + PortLength;
    public const int ExternalAddressOffset = ExternalPortOffset + PortLength;
    public const int MapDataLength = ExternalAddressOffset + AddressLength;

    public const int RemotePortOffset = MapDataLength;
    public const int PeerReservedOffset = RemotePortOffset + PortLength;
    public const int PeerReservedLength = 2;
    public const int RemoteAddressOffset = PeerReservedOffset + PeerReservedLength;
    public const int PeerDataLength = RemoteAddressOffset + AddressLength;

    // Option header.
    public const int OptionCodeOffset = 0;
    public const int OptionCodeLength = 1;
    public const int OptionReservedOffset = OptionCodeOffset + OptionCodeLength;
    public const int OptionReservedLength = 1;
    public const int OptionLengthOffset = OptionReservedOffset + OptionReservedLength;
    public const int OptionLengthLength = 2;
    public const int OptionHeaderLength = OptionLengthOffset + OptionLengthLength;

    // Option data of the options RFC 6887 defines.
    public const int ThirdPartyDataLength = AddressLength;
    public const int PreferFailureDataLength = 0;
    public const int FilterReservedOffset = 0;
    public const int FilterReservedLength = 1;
    public const int FilterPrefixLengthOffset = FilterReservedOffset + FilterReservedLength;
    public const int FilterPrefixLengthLength = 1;
    public const int FilterRemotePortOffset = FilterPrefixLengthOffset + FilterPrefixLengthLength;
    public const int FilterRemoteAddressOffset = FilterRemotePortOffset + PortLength;
    public const int FilterDataLength = FilterRemoteAddressOffset + AddressLength;
}
