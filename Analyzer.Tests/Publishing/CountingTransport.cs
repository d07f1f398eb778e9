using Analyzer.Publishing;

namespace Analyzer.Tests.Publishing;

/// <summary>A real transport that also counts the sends tried, so a test can wait for retries.</summary>
internal sealed class CountingTransport(IRecordTransport inner) : IRecordTransport
{
    private int _attempts;

    public int Attempts => Volatile.Read(ref _attempts);

    public string Description => inner.Description;

    public Task SendAsync(string sensorId, IReadOnlyList<SpooledRecord> batch, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _attempts);
        return inner.SendAsync(sensorId, batch, cancellationToken);
    }

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
