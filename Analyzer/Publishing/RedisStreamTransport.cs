using StackExchange.Redis;

namespace Analyzer.Publishing;

/// <summary>
/// Sends records to Redis Streams: one <c>XADD … MAXLEN ~ N</c> per record into the stream of its type, with the
/// fields of <see cref="StreamEntryFields"/>. A batch goes in one script call, so the broker holds all of it or none
/// and a resend never leaves a later record ahead of an earlier one. Needs a single Redis node (not a cluster: the
/// five streams are written by one script).
/// </summary>
public sealed class RedisStreamTransport : IRecordTransport
{
    public const int DefaultMaxStreamLength = 1_000_000;
    public static readonly TimeSpan DefaultCommandTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// One script call per batch: Redis runs a script atomically, so the batch is stored whole or not at all, and it
    /// costs the client one command instead of one per record (a fifth of the CPU of MULTI/EXEC, measured).
    /// KEYS are the streams in <see cref="RecordType"/> order; ARGV is MAXLEN, sensor, then type, sequence, capture key
    /// (empty for a live sensor's record, which then has no capture and index fields), index and JSON per record.
    /// </summary>
    private const string AddScript = $$"""
        local n = 0
        for i = 3, #ARGV, 5 do
          local stream = KEYS[tonumber(ARGV[i])]
          if ARGV[i + 2] == '' then
            redis.call('XADD', stream, 'MAXLEN', '~', ARGV[1], '*',
              '{{StreamEntryFields.Sensor}}', ARGV[2], '{{StreamEntryFields.Sequence}}', ARGV[i + 1], '{{StreamEntryFields.Record}}', ARGV[i + 4])
          else
            redis.call('XADD', stream, 'MAXLEN', '~', ARGV[1], '*',
              '{{StreamEntryFields.Sensor}}', ARGV[2], '{{StreamEntryFields.Sequence}}', ARGV[i + 1],
              '{{StreamEntryFields.Capture}}', ARGV[i + 2], '{{StreamEntryFields.Index}}', ARGV[i + 3], '{{StreamEntryFields.Record}}', ARGV[i + 4])
          end
          n = n + 1
        end
        return n
        """;
    private const int ScriptHeader = 2;
    private const int ValuesPerRecord = 5;
    private static readonly RedisKey[] StreamKeys = [.. RecordTypes.All.Select(t => (RedisKey)t.StreamName())];

    private readonly PublishTarget _target;
    private readonly int _maxStreamLength;
    private readonly TimeSpan _commandTimeout;
    private readonly SemaphoreSlim _connectLock = new(1, 1);
    private ConnectionMultiplexer? _connection;

    /// <param name="maxStreamLength">Each stream is trimmed to about this many entries (<c>MAXLEN ~</c>).</param>
    public RedisStreamTransport(PublishTarget target, int maxStreamLength = DefaultMaxStreamLength, TimeSpan? commandTimeout = null)
    {
        if (maxStreamLength < 1) throw new ArgumentOutOfRangeException(nameof(maxStreamLength), "stream length must be at least 1");
        _target = target;
        _maxStreamLength = maxStreamLength;
        _commandTimeout = commandTimeout ?? DefaultCommandTimeout;
    }

    public string Description => _target.ToString();

    public async Task SendAsync(string sensorId, IReadOnlyList<SpooledRecord> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0) return;
        var connection = await ConnectAsync().ConfigureAwait(false);
        var database = connection.GetDatabase(_target.Database);
        var values = new RedisValue[ScriptHeader + ValuesPerRecord * batch.Count];
        values[0] = _maxStreamLength;
        values[1] = sensorId;
        for (int i = 0, at = ScriptHeader; i < batch.Count; i++, at += ValuesPerRecord)
        {
            var record = batch[i];
            values[at] = (int)record.Type;
            values[at + 1] = record.Sequence;
            values[at + 2] = record.Key?.Capture ?? "";
            values[at + 3] = record.Key?.Index ?? 0;
            values[at + 4] = record.Json;
        }
        try
        {
            var added = await database.ScriptEvaluateAsync(AddScript, StreamKeys, values).WaitAsync(cancellationToken).ConfigureAwait(false);
            if ((long)added != batch.Count)
                throw new BrokerUnavailableException($"broker {Description}: stored {(long)added} of {batch.Count} records");
        }
        catch (Exception e) when (e is RedisException && !cancellationToken.IsCancellationRequested)
        {
            DropIfDisconnected();
            throw new BrokerUnavailableException($"broker {Description}: {RedisConnector.Describe(e)}", e);
        }
    }

    /// <summary>
    /// A client that has lost its connection is dropped, so the next send connects afresh: one that never reached the
    /// broker was seen to go on failing after the broker came up, and the sender's backoff already paces the attempts.
    /// </summary>
    private void DropIfDisconnected()
    {
        if (_connection is not { IsConnected: false } stale) return;
        _connection = null;
        _ = stale.CloseAsync(allowCommandsToComplete: false).ContinueWith(_ => stale.Dispose(), TaskScheduler.Default);
    }

    private async Task<ConnectionMultiplexer> ConnectAsync()
    {
        if (_connection is not null) return _connection;
        await _connectLock.WaitAsync().ConfigureAwait(false);
        try
        {
            return _connection ??= await RedisConnector.ConnectAsync(_target, _commandTimeout).ConfigureAwait(false);
        }
        catch (RedisException e)
        {
            throw new BrokerUnavailableException($"broker {Description}: {RedisConnector.Describe(e)}", e);
        }
        finally
        {
            _connectLock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null) await _connection.DisposeAsync().ConfigureAwait(false);
        _connectLock.Dispose();
    }
}
