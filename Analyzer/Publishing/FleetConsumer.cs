namespace Analyzer.Publishing;

/// <summary>
/// The aggregator's reader: takes entries from an <see cref="IRecordSource"/> (its own unacknowledged ones after a
/// restart, entries a crashed member left idle, then new ones), acknowledges duplicates (by the identity of
/// <see cref="DuplicateWindow"/>) and malformed entries at once, and returns the rest ordered by sensor and sequence
/// (the sensor's delivery order) within each round. Each stream keeps a sensor's records in
/// the order it sent them, so across rounds a sensor's records of one type come in order; the caller acknowledges a
/// batch once it has used it (<see cref="AcknowledgeAsync"/>), so a crash before that hands it to another member.
/// Not thread-safe: one reader per consumer.
/// </summary>
public sealed class FleetConsumer(IRecordSource source, FleetConsumerOptions? options = null)
{
    private readonly FleetConsumerOptions _options = options ?? new FleetConsumerOptions();
    private const int ClaimChecksPerIdle = 4;
    private readonly DuplicateWindow _seen = new((options ?? new FleetConsumerOptions()).DedupWindow);
    private readonly System.Diagnostics.Stopwatch _sinceClaim = System.Diagnostics.Stopwatch.StartNew();
    private bool _claimedLastTime = true;

    public long Received { get; private set; }
    public long Duplicates { get; private set; }
    public long Malformed { get; private set; }
    public long Claimed { get; private set; }

    /// <summary>One round; an empty list when nothing waits (the caller waits a moment and asks again).</summary>
    public async Task<IReadOnlyList<FleetRecord>> ReadAsync(CancellationToken cancellationToken = default)
    {
        IReadOnlyList<BrokerEntry> claimed = [];
        // Entries become claimable only after ClaimIdle, so looking a few times per ClaimIdle is enough.
        if (_sinceClaim.Elapsed >= _options.ClaimIdle / ClaimChecksPerIdle || _claimedLastTime)
        {
            claimed = await source.ClaimIdleAsync(_options.ClaimIdle, _options.BatchPerStream, cancellationToken).ConfigureAwait(false);
            _sinceClaim.Restart();
            _claimedLastTime = claimed.Count > 0;
            Claimed += claimed.Count;
        }
        var fresh = await source.ReadAsync(_options.BatchPerStream, cancellationToken).ConfigureAwait(false);
        var records = new List<FleetRecord>(claimed.Count + fresh.Count);
        var discard = new List<BrokerEntry>();
        foreach (var entry in claimed.Concat(fresh))
        {
            if (!entry.IsWellFormed)
            {
                Malformed++;
                discard.Add(entry);
            }
            else if (!_seen.TryAdd(entry))
            {
                Duplicates++;
                discard.Add(entry);
            }
            else
            {
                records.Add(new FleetRecord(entry.Type, entry.SensorId!, entry.Sequence, entry.Json!, entry));
            }
        }
        if (discard.Count > 0) await source.AcknowledgeAsync(discard, cancellationToken).ConfigureAwait(false);
        Received += records.Count;
        records.Sort(static (a, b) =>
        {
            int bySensor = string.CompareOrdinal(a.SensorId, b.SensorId);
            return bySensor != 0 ? bySensor : a.Sequence.CompareTo(b.Sequence);
        });
        return records;
    }

    /// <summary>Tells the broker these records are used; until then they may be handed out again.</summary>
    public Task AcknowledgeAsync(IReadOnlyList<FleetRecord> records, CancellationToken cancellationToken = default) =>
        records.Count == 0 ? Task.CompletedTask : source.AcknowledgeAsync([.. records.Select(r => r.Entry)], cancellationToken);
}
