namespace Analyzer.Decoding.NatPmp;

/// <summary>NAT-PMP result codes (RFC 6886 §3.5).</summary>
public enum NatPmpResultCode : ushort
{
    Success = 0,
    UnsupportedVersion = 1,
    /// <summary>Not authorized or refused, e.g. the gateway has NAT-PMP switched off.</summary>
    NotAuthorized = 2,
    /// <summary>The gateway has no external address yet (e.g. its DHCP lease is pending).</summary>
    NetworkFailure = 3,
    /// <summary>No ports left to map.</summary>
    OutOfResources = 4,
    UnsupportedOpcode = 5,
}
