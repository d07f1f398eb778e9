namespace Analyzer.Census;

/// <summary>
/// One entry of a run's port-mapping ledger (<c>--mappings</c>) as the census reads it back: a request with its
/// outcome, or an expiry, each field as written. Not <see cref="Output.MappingRow"/>, the row a run writes from a
/// <see cref="MappingRecord"/>.
/// </summary>
public sealed record LedgerEntry(
    long TimeUs,
    string Method,
    string Action,
    string Requester,
    string Gateway,
    string Transport,
    string ExternalPort,
    string InternalClient,
    string InternalPort,
    string Lease,
    string Description,
    string Outcome,
    string GrantedExternalPort,
    string GrantedLease);
