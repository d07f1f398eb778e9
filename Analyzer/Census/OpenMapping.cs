namespace Analyzer.Census;

/// <summary>
/// A port mapping still open when the input ended: who asked (requester), on which gateway, for whom (internal
/// client), which ports, the lease (0 = permanent for IGD), and why it matters.
/// </summary>
public sealed record OpenMapping(
    long GrantedUs,
    string Method,
    string Requester,
    string Gateway,
    string Transport,
    string ExternalPort,
    string InternalClient,
    string InternalPort,
    string Lease,
    string Description,
    bool SensitivePort,
    bool OutsideClient);
