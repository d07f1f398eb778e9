namespace Analyzer.Census;

/// <summary>
/// What one run of the pipeline found, as the census reads it: the device inventory, the mapping ledger, the alerts,
/// the message log and the hosts its flows touched. Either read back from the files of a run, or from the files the
/// report's own run wrote: one path for both.
/// </summary>
public sealed record RunRecords(
    IReadOnlyList<InventoryEntry> Devices,
    IReadOnlyList<LedgerEntry> Mappings,
    IReadOnlyList<AlertRow> Alerts,
    IReadOnlyList<MessageRow> Messages,
    IReadOnlyList<string> FlowHosts)
{
    /// <summary>Rows beyond which a file's remaining rows are counted here instead of kept.</summary>
    public long RowsDropped { get; init; }
}
