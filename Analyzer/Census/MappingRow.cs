namespace Analyzer.Census;

/// <summary>One row of the port-mapping ledger (<c>--mappings</c>): a request with its outcome, or an expiry.</summary>
public sealed record MappingRow(
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
