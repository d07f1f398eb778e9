using StackExchange.Redis;

namespace Analyzer.Publishing;

/// <summary>
/// Sends records to Redis Streams: one <c>XADD … MAXLEN ~ N</c> per record into the stream of its type, with the
/// fields of <see cref="StreamEntryFields"/>. A batch goes in one MULTI/EXEC, so the broker holds all of it or none
/// and a resend never leaves a later record ahead of an earlier one. Needs a single Redis node (not a cluster: the
/// five streams are written in one transaction).
/// </summary>
public sealed class RedisStreamTransport : IRecordTransport
{
    public const int DefaultMaxStreamLength = 1_000_000;
    public static readonly TimeSpan DefaultCommandTimeout = TimeSpan.FromSeconds(5);

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
        var transaction = database.CreateTransaction();
        var adds = new Task[batch.Count];
        RedisValue sensor = sensorId;
        for (int i = 0; i < batch.Count; i++)
        {
            var record = batch[i];
            adds[i] = transaction.StreamAddAsync(record.Type.StreamName(),
                [
                    new NameValueEntry(StreamEntryFields.Sensor, sensor),
                    new NameValueEntry(StreamEntryFields.Sequence, record.Sequence),
                    new NameValueEntry(StreamEntryFields.Record, record.Json),
                ],
                maxLength: _maxStreamLength, useApproximateMaxLength: true);
        }
        try
        {
            bool committed = await transaction.ExecuteAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
            if (!committed) throw new BrokerUnavailableException($"broker {Description}: transaction not committed");
            await Task.WhenAll(adds).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RedisException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new BrokerUnavailableException($"broker {Description}: {RedisConnector.Describe(e)}", e);
        }
        finally
        {
            foreach (var add in adds) _ = add.ContinueWith(static t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted);
        }
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
