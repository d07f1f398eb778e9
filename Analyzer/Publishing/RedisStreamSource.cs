using StackExchange.Redis;

namespace Analyzer.Publishing;

/// <summary>
/// Reads the record streams as one member of a Redis consumer group. The group is created at the start of each stream
/// when missing (<c>XGROUP CREATE … 0 MKSTREAM</c>), so an aggregator started late still sees every entry the broker
/// kept. After a restart under the same consumer name, the entries it had been given and not acknowledged come first.
/// </summary>
public sealed class RedisStreamSource : IRecordSource
{
    private readonly PublishTarget _target;
    private readonly string _group;
    private readonly string _consumer;
    private readonly RecordType[] _types;
    private readonly TimeSpan _commandTimeout;
    private readonly Dictionary<RecordType, RedisValue> _pendingCursor = [];
    private readonly Dictionary<RecordType, RedisValue> _claimCursor = [];
    private ConnectionMultiplexer? _connection;
    private bool _groupsReady;

    public RedisStreamSource(PublishTarget target, string group, string consumer, IReadOnlyList<RecordType>? types = null, TimeSpan? commandTimeout = null)
    {
        if (string.IsNullOrWhiteSpace(group)) throw new ArgumentException("consumer group name is empty", nameof(group));
        if (string.IsNullOrWhiteSpace(consumer)) throw new ArgumentException("consumer name is empty", nameof(consumer));
        _target = target;
        _group = group;
        _consumer = consumer;
        _types = [.. types ?? RecordTypes.All];
        _commandTimeout = commandTimeout ?? RedisStreamTransport.DefaultCommandTimeout;
        foreach (var type in _types)
        {
            _pendingCursor[type] = "0-0";
            _claimCursor[type] = "0-0";
        }
    }

    public string Description => $"{_target} group {_group} consumer {_consumer}";

    public async Task<IReadOnlyList<BrokerEntry>> ReadAsync(int count, CancellationToken cancellationToken)
    {
        bool recovering = _pendingCursor.Count > 0;
        var entries = await ReadOnceAsync(count, cancellationToken).ConfigureAwait(false);
        // The end of this member's own history is an empty answer: go on to new entries in the same call.
        if (entries.Count == 0 && recovering) entries = await ReadOnceAsync(count, cancellationToken).ConfigureAwait(false);
        return entries;
    }

    private Task<IReadOnlyList<BrokerEntry>> ReadOnceAsync(int count, CancellationToken cancellationToken) =>
        Guard(async database =>
        {
            var positions = _types.Select(t => new StreamPosition(t.StreamName(),
                _pendingCursor.TryGetValue(t, out var after) ? after : StreamPosition.NewMessages)).ToArray();
            var streams = await database.StreamReadGroupAsync(positions, _group, _consumer, count).ConfigureAwait(false);
            var result = new List<BrokerEntry>();
            foreach (var stream in streams)
            {
                var type = RecordTypes.FromStreamName(stream.Key!)!.Value;
                if (_pendingCursor.ContainsKey(type))
                {
                    // Reading this member's own history: an empty answer means it is all read again; then new entries.
                    if (stream.Entries.Length == 0) _pendingCursor.Remove(type);
                    else _pendingCursor[type] = stream.Entries[^1].Id;
                }
                foreach (var entry in stream.Entries) result.Add(ToEntry(type, entry));
            }
            return (IReadOnlyList<BrokerEntry>)result;
        }, cancellationToken);

    public Task<IReadOnlyList<BrokerEntry>> ClaimIdleAsync(TimeSpan minIdle, int count, CancellationToken cancellationToken) =>
        Guard(async database =>
        {
            var claims = _types.Select(type => database.StreamAutoClaimAsync(type.StreamName(), _group, _consumer,
                (long)minIdle.TotalMilliseconds, _claimCursor[type], count)).ToArray();
            var answers = await Task.WhenAll(claims).ConfigureAwait(false);
            var result = new List<BrokerEntry>();
            for (int i = 0; i < _types.Length; i++)
            {
                _claimCursor[_types[i]] = answers[i].NextStartId;
                foreach (var entry in answers[i].ClaimedEntries)
                    if (!entry.IsNull) result.Add(ToEntry(_types[i], entry));
            }
            return (IReadOnlyList<BrokerEntry>)result;
        }, cancellationToken);

    public Task AcknowledgeAsync(IReadOnlyList<BrokerEntry> entries, CancellationToken cancellationToken) =>
        Guard(async database =>
        {
            await Task.WhenAll(entries.GroupBy(e => e.Type).Select(group =>
                database.StreamAcknowledgeAsync(group.Key.StreamName(), _group, [.. group.Select(e => (RedisValue)e.EntryId)]))).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    private static BrokerEntry ToEntry(RecordType type, StreamEntry entry)
    {
        var sensor = entry[StreamEntryFields.Sensor];
        var sequence = entry[StreamEntryFields.Sequence];
        var record = entry[StreamEntryFields.Record];
        var capture = entry[StreamEntryFields.Capture];
        bool ok = !sensor.IsNull && !record.IsNull && !sequence.IsNull && sequence.TryParse(out long _);
        RecordKey? key = null;
        if (ok && !capture.IsNull)
        {
            // An entry with a capture key but no usable index cannot be told apart from its re-sent copies: malformed.
            string captureText = capture!;
            var indexValue = entry[StreamEntryFields.Index];
            // (A missing field parses as 0: it is checked apart.)
            if (RecordKey.IsValidCapture(captureText) && !indexValue.IsNull && indexValue.TryParse(out long index)) key = new RecordKey(captureText, index);
            else ok = false;
        }
        return ok
            ? new BrokerEntry(type, entry.Id!, sensor!, (long)sequence, (byte[])record!, key)
            : new BrokerEntry(type, entry.Id!, null, 0, null);
    }

    private async Task<T> Guard<T>(Func<IDatabase, Task<T>> action, CancellationToken cancellationToken)
    {
        try
        {
            _connection ??= await RedisConnector.ConnectAsync(_target, _commandTimeout).ConfigureAwait(false);
            var database = _connection.GetDatabase(_target.Database);
            if (!_groupsReady)
            {
                foreach (var type in _types)
                {
                    try { await database.StreamCreateConsumerGroupAsync(type.StreamName(), _group, "0-0", createStream: true).ConfigureAwait(false); }
                    catch (RedisServerException e) when (e.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal)) { }
                }
                _groupsReady = true;
            }
            return await action(database).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (RedisException e)
        {
            throw new BrokerUnavailableException($"broker {_target}: {RedisConnector.Describe(e)}", e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null) await _connection.DisposeAsync().ConfigureAwait(false);
    }
}
