namespace Analyzer.Decoding.NatPmp;

/// <summary>
/// Offsets and lengths of the NAT-PMP messages (RFC 6886 §3), each derived from the one before it.
/// </summary>
/// <remarks>
/// <code>
/// External Address request (§3.2), 2 bytes      Response header (§3.2, §3.5), 8 bytes
/// +--------+--------+                           +--------+--------+------------------+
/// | Vers=0 | OP=0   |                           | Vers=0 | OP=128+| Result Code (16) |
/// +--------+--------+                           +--------+--------+------------------+
///                                               | Seconds Since Start of Epoch (32)  |
/// Map request (§3.3), 12 bytes                  +------------------------------------+
/// +--------+--------+-----------------+
/// | Vers=0 | OP=1,2 | Reserved (16)   |         External Address response, 12 bytes:
/// +--------+--------+-----------------+           header + External IPv4 Address (32)
/// | Internal Port   | Suggested Ext.  |         Map response (OP=129,130), 16 bytes:
/// |                 | Port            |           header + Internal Port (16), Mapped External
/// +-----------------+-----------------+           Port (16), Port Mapping Lifetime (32)
/// | Requested Port Mapping Lifetime   |
/// | in seconds (32)                   |
/// +-----------------------------------+
/// </code>
/// </remarks>
internal static class NatPmpFields
{
    public const byte Version = 0;
    /// <summary>Responses carry the request's opcode plus 128.</summary>
    public const byte ResponseBit = 0x80;

    public const int VersionOffset = 0;
    public const int VersionLength = 1;
    public const int OpcodeOffset = VersionOffset + VersionLength;
    public const int OpcodeLength = 1;
    /// <summary>Version and opcode: the whole External Address request.</summary>
    public const int CommonHeaderLength = OpcodeOffset + OpcodeLength;

    public const int PortLength = 2;
    public const int LifetimeLength = 4;
    public const int AddressLength = 4;

    // Map requests.
    public const int ReservedOffset = CommonHeaderLength;
    public const int ReservedLength = 2;
    public const int RequestInternalPortOffset = ReservedOffset + ReservedLength;
    public const int RequestExternalPortOffset = RequestInternalPortOffset + PortLength;
    public const int RequestLifetimeOffset = RequestExternalPortOffset + PortLength;
    public const int MapRequestLength = RequestLifetimeOffset + LifetimeLength;

    // Responses.
    public const int ResultCodeOffset = CommonHeaderLength;
    public const int ResultCodeLength = 2;
    public const int EpochOffset = ResultCodeOffset + ResultCodeLength;
    public const int EpochLength = 4;
    /// <summary>Result code and epoch: all that an error response (e.g. Unsupported Version) must carry.</summary>
    public const int ResponseHeaderLength = EpochOffset + EpochLength;

    public const int ExternalAddressOffset = ResponseHeaderLength;
    public const int ExternalAddressResponseLength = ExternalAddressOffset + AddressLength;

    public const int ResponseInternalPortOffset = ResponseHeaderLength;
    public const int ResponseExternalPortOffset = ResponseInternalPortOffset + PortLength;
    public const int ResponseLifetimeOffset = ResponseExternalPortOffset + PortLength;
    public const int MapResponseLength = ResponseLifetimeOffset + LifetimeLength;
}
