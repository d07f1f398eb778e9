using System.Threading.Channels;

namespace Analyzer.Publishing;

/// <summary>
/// Publishes a sensor's records to a broker at least once, in order. <see cref="Publish"/> only numbers the record and
/// queues it in memory, so the pipeline thread never waits on the disk or the network; a background writer puts the
/// records into the <see cref="RecordSpool"/> and a background sender sends them from there in batches, removing them
/// from the spool once the broker has them. While the broker is unreachable the records wait in the spool, the state
/// change is reported once, and the sender retries with capped exponential backoff. A new publisher on the same spool
/// directory resumes after the last acknowledged record.
/// </summary>
public sealed class RecordPublisher : IAsyncDisposable
{
    /// <summary>Records moved from the queue to the spool in one write.</summary>
    private const int MaxRecordsPerSpoolWrite = 4096;
    private static readonly TimeSpan DrainPoll = TimeSpan.FromMilliseconds(10);
    /// <summary>While a drain waits (the program is ending), a broker that was down is retried at this pace, not after
    /// the long back-off an outage had built up: the drain's time is better spent trying.</summary>
    public static readonly TimeSpan DrainRetryDelay = TimeSpan.FromMilliseconds(250);

    private readonly PublisherOptions _options;
    private readonly IRecordTransport _transport;
    private readonly RecordSpool _spool;
    private readonly Action<BrokerStateChange>? _onStateChange;
    private readonly Channel<SpooledRecord> _queue = Channel.CreateUnbounded<SpooledRecord>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SemaphoreSlim _sendSignal = new(0);
    private readonly SemaphoreSlim _retryNow = new(0);
    private readonly CancellationTokenSource _stop = new();
    private readonly object _publishLock = new();
    private readonly Task _writer;
    private readonly Task _sender;
    private long _sequence;
    private long _queuedBytes;
    private long _queuedRecords;
    private long _accepted;
    private long _delivered;
    private long _queueDroppedEvents;
    private long _queueDroppedFlows;
    private long _refused;
    private volatile BrokerState _state = BrokerState.Connecting;
    private volatile string? _lastError;
    private bool _closed;
    private volatile bool _draining;

    private RecordPublisher(PublisherOptions options, IRecordTransport transport, RecordSpool spool, Action<BrokerStateChange>? onStateChange)
    {
        _options = options;
        _transport = transport;
        _spool = spool;
        _onStateChange = onStateChange;
        _sequence = spool.LastSequence;
        _writer = Task.Run(WriteLoopAsync);
        _sender = Task.Run(SendLoopAsync);
        if (spool.PendingRecords > 0) _sendSignal.Release();
    }

    /// <summary>
    /// Opens the spool and starts the background writer and sender. Throws <see cref="ArgumentException"/> for bad
    /// options and <see cref="IOException"/> when the spool directory cannot be used; never for an unreachable broker.
    /// The publisher owns <paramref name="transport"/> and disposes it.
    /// </summary>
    /// <param name="onStateChange">Called from the sender's thread once per change of the broker's state.</param>
    public static RecordPublisher Start(PublisherOptions options, IRecordTransport transport, Action<BrokerStateChange>? onStateChange = null)
    {
        options.Validate();
        var spool = RecordSpool.Open(options.SpoolDirectory, options.SpoolCapBytes, options.SyncSpoolWrites);
        return new RecordPublisher(options, transport, spool, onStateChange);
    }

    public string SensorId => _options.SensorId;

    /// <summary>The offline run's fingerprint, from which the pipeline keys its records; null for a live sensor.</summary>
    public string? RunFingerprint => _options.RunFingerprint;

    /// <summary>
    /// Hands over one record (a UTF-8 JSON object, no line end); the bytes are copied. Returns false when the record was
    /// dropped or refused (counted in <see cref="Status"/>). Never blocks on the disk or the broker; safe from any thread,
    /// records are numbered in the order of the calls. <paramref name="key"/> identifies the record of an offline run
    /// (null for a live sensor's, which its sequence number identifies).
    /// </summary>
    public bool Publish(RecordType type, ReadOnlySpan<byte> json, RecordKey? key = null)
    {
        if (json.IsEmpty || json[0] != (byte)'{') throw new ArgumentException("a record is one JSON object", nameof(json));
        if (key is { } k && !RecordKey.IsValidCapture(k.Capture)) throw new ArgumentException("capture key must be 1 to 64 printable ASCII characters", nameof(key));
        lock (_publishLock)
        {
            ObjectDisposedException.ThrowIf(_closed, this);
            long queued = Volatile.Read(ref _queuedBytes);
            if (type.IsDroppable() && queued > _options.QueueCapBytes)
            {
                if (type == RecordType.Event) _queueDroppedEvents++; else _queueDroppedFlows++;
                return false;
            }
            if (json.Length > PublisherOptions.MaxRecordBytes || queued > 4 * _options.QueueCapBytes)
            {
                _refused++;
                return false;
            }
            var record = new SpooledRecord(type, ++_sequence, json.ToArray(), key);
            Interlocked.Add(ref _queuedBytes, record.Json.Length);
            Interlocked.Increment(ref _queuedRecords);
            _queue.Writer.TryWrite(record);
            _accepted++;
            return true;
        }
    }

    public PublisherStatus Status
    {
        get
        {
            lock (_publishLock)
            {
                // Queue first: a record leaves the queue count only after it is in the spool, so none is missed.
                long queued = Interlocked.Read(ref _queuedRecords);
                return new PublisherStatus
                {
                    State = _state,
                    LastError = _state == BrokerState.Unreachable ? _lastError : null,
                    Accepted = _accepted,
                    Delivered = Interlocked.Read(ref _delivered),
                    Pending = _spool.PendingRecords + queued,
                    Queued = queued,
                    SpoolBytes = _spool.Bytes,
                    DroppedEvents = _queueDroppedEvents + _spool.Dropped(RecordType.Event),
                    DroppedFlows = _queueDroppedFlows + _spool.Dropped(RecordType.Flow),
                    Lost = _refused + RecordTypes.All.Sum(_spool.Lost),
                    LastSequence = _sequence,
                };
            }
        }
    }

    /// <summary>
    /// Waits until every record handed over so far is acknowledged by the broker, or the timeout passes; true when
    /// nothing is left. What is left stays in the spool for the next run.
    /// </summary>
    public async Task<bool> DrainAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        _draining = true;
        if (_retryNow.CurrentCount == 0) _retryNow.Release();
        while (true)
        {
            if (Interlocked.Read(ref _queuedRecords) == 0 && _spool.PendingRecords == 0) return true;
            if (DateTime.UtcNow >= deadline || _writer.IsCompleted || _sender.IsCompleted) return false;
            await Task.Delay(DrainPoll, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Stops: records still queued are written to the spool first, so the next run sends them.</summary>
    public async ValueTask DisposeAsync()
    {
        lock (_publishLock)
        {
            if (_closed) return;
            _closed = true;
        }
        _queue.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
        await StopAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// Stops as a crash would: records not yet in the spool are lost, a send under way is cut off before it is
    /// acknowledged. For fault tests; a new publisher on the same spool directory resumes.
    /// </summary>
    public async Task AbandonAsync()
    {
        lock (_publishLock) _closed = true;
        _queue.Writer.TryComplete();
        await StopAsync().ConfigureAwait(false);
    }

    private async Task StopAsync()
    {
        _stop.Cancel();
        try { await Task.WhenAll(_writer, _sender).ConfigureAwait(false); }
        catch (OperationCanceledException) { }
        _spool.Dispose();
        await _transport.DisposeAsync().ConfigureAwait(false);
        _sendSignal.Dispose();
        _retryNow.Dispose();
        _stop.Dispose();
    }

    private async Task WriteLoopAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<SpooledRecord>(MaxRecordsPerSpoolWrite);
        try
        {
            while (await reader.WaitToReadAsync(_stop.Token).ConfigureAwait(false))
            {
                batch.Clear();
                long bytes = 0;
                while (batch.Count < MaxRecordsPerSpoolWrite && reader.TryRead(out var record))
                {
                    batch.Add(record);
                    bytes += record.Json.Length;
                }
                try
                {
                    _spool.Append(batch);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    lock (_publishLock) _refused += batch.Count;
                    Report(_state, $"spool {_spool.Directory}: write failed: {e.Message}");
                }
                Interlocked.Add(ref _queuedBytes, -bytes);
                Interlocked.Add(ref _queuedRecords, -batch.Count);
                if (_sendSignal.CurrentCount == 0) _sendSignal.Release();
            }
        }
        catch (OperationCanceledException) { }
    }

    private async Task SendLoopAsync()
    {
        var backoff = new Backoff(_options.InitialBackoff, _options.MaxBackoff);
        var token = _stop.Token;
        try
        {
            while (!token.IsCancellationRequested)
            {
                var batch = _spool.ReadPending(_options.BatchRecords);
                if (batch.Count == 0)
                {
                    await _sendSignal.WaitAsync(token).ConfigureAwait(false);
                    continue;
                }
                try
                {
                    await _transport.SendAsync(_options.SensorId, batch, token).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException || !token.IsCancellationRequested)
                {
                    // Whatever failed, the records stay in the spool; an unexpected failure is reported like an outage.
                    var reason = e is BrokerUnavailableException ? e.Message : $"broker {_transport.Description}: {FirstClause(e.Message)}";
                    if (_state != BrokerState.Unreachable)
                        Report(BrokerState.Unreachable, $"{reason}; records are kept in {_spool.Directory} and sent when it is back");
                    _lastError = reason;
                    await _retryNow.WaitAsync(_draining ? DrainRetryDelay : backoff.Next(), token).ConfigureAwait(false);
                    continue;
                }
                long waiting = _spool.PendingRecords;
                _spool.Acknowledge(batch[^1].Sequence, batch.Count);
                Interlocked.Add(ref _delivered, batch.Count);
                backoff.Reset();
                if (_state != BrokerState.Reachable)
                {
                    Report(BrokerState.Reachable, _state == BrokerState.Unreachable
                        ? $"broker {_transport.Description} is reachable again; sending {waiting:N0} spooled records"
                        : $"publishing to {_transport.Description} as sensor {_options.SensorId}");
                }
            }
        }
        catch (OperationCanceledException) { }
        catch (ObjectDisposedException) { }
    }

    /// <summary>Client exceptions can carry a page of diagnostics after the reason; the status line keeps the reason.</summary>
    private static string FirstClause(string message)
    {
        int end = message.AsSpan().IndexOfAny(";\n");
        var text = end < 0 ? message : message[..end];
        return text.Length <= MaxReasonChars ? text : text[..MaxReasonChars];
    }

    private const int MaxReasonChars = 200;

    private void Report(BrokerState state, string message)
    {
        _state = state;
        _lastError = state == BrokerState.Unreachable ? message : null;
        try { _onStateChange?.Invoke(new BrokerStateChange(state, message)); }
        catch (Exception) { /* a failing observer must not stop the sender */ }
    }
}
