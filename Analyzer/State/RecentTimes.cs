namespace Analyzer.State;

/// <summary>
/// The times of the last <c>n</c> occurrences of something, to tell "n within a window" without keeping more than n
/// timestamps (a sliding window, not fixed buckets, so a burst across a bucket edge still counts).
/// </summary>
public sealed class RecentTimes(int n)
{
    private readonly Queue<long> _times = new(Math.Max(n, 1));

    public int Count => _times.Count;

    /// <summary>Records an occurrence; true when the last <c>n</c> all fall within <paramref name="windowUs"/>.</summary>
    public bool AddAndCheck(long timeUs, long windowUs)
    {
        if (_times.Count >= Math.Max(n, 1)) _times.Dequeue();
        _times.Enqueue(timeUs);
        return _times.Count >= n && timeUs - _times.Peek() <= windowUs;
    }

    /// <summary>Occurrences no older than <paramref name="windowUs"/> before <paramref name="nowUs"/>.</summary>
    public int CountSince(long nowUs, long windowUs) => _times.Count(t => nowUs - t <= windowUs);

    public void Clear() => _times.Clear();
}
