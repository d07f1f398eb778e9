namespace Analyzer.State;

/// <summary>
/// The distinct items seen within a sliding window (reflectors per victim, mappings per requester), each with the
/// time it was last seen. Holds at most <see cref="Capacity"/> items: beyond it the oldest is forgotten, so set the
/// capacity above the threshold being tested.
/// </summary>
public sealed class DistinctWindow<TItem>(int capacity) where TItem : notnull
{
    private readonly Dictionary<TItem, long> _lastSeen = [];

    public int Capacity { get; } = capacity;
    public int Count => _lastSeen.Count;

    /// <summary>Records the item at <paramref name="timeUs"/>, forgets items older than the window, returns the count.</summary>
    public int Add(TItem item, long timeUs, long windowUs)
    {
        Prune(timeUs, windowUs);
        _lastSeen[item] = timeUs;
        if (_lastSeen.Count > Capacity)
        {
            var oldest = _lastSeen.MinBy(kv => kv.Value).Key;
            _lastSeen.Remove(oldest);
        }
        return _lastSeen.Count;
    }

    public bool Contains(TItem item) => _lastSeen.ContainsKey(item);

    public IEnumerable<TItem> Items => _lastSeen.Keys;

    public void Prune(long nowUs, long windowUs)
    {
        if (_lastSeen.Count == 0) return;
        List<TItem>? old = null;
        foreach (var (item, seen) in _lastSeen)
            if (nowUs - seen > windowUs) (old ??= []).Add(item);
        if (old is not null)
            foreach (var item in old) _lastSeen.Remove(item);
    }

    public void Clear() => _lastSeen.Clear();
}
