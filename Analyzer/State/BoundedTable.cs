namespace Analyzer.State;

/// <summary>
/// A dictionary with a fixed capacity: when full, the least recently written entry is dropped to make room. Rules
/// keep their per-host state here so that a flood of new hosts costs a bounded amount of memory.
/// </summary>
public sealed class BoundedTable<TKey, TValue>(int capacity) where TKey : notnull
{
    private readonly Dictionary<TKey, LinkedListNode<(TKey Key, TValue Value)>> _index = [];
    private readonly LinkedList<(TKey Key, TValue Value)> _order = new();

    public int Capacity { get; } = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity));
    public int Count => _index.Count;

    /// <summary>Entries dropped because the table was full.</summary>
    public long Evicted { get; private set; }

    public bool TryGet(TKey key, out TValue value)
    {
        if (_index.TryGetValue(key, out var node))
        {
            value = node.Value.Value;
            return true;
        }
        value = default!;
        return false;
    }

    public bool ContainsKey(TKey key) => _index.ContainsKey(key);

    /// <summary>Stores the value and makes the entry the most recent.</summary>
    public void Set(TKey key, TValue value)
    {
        if (_index.TryGetValue(key, out var node))
        {
            _order.Remove(node);
            node.Value = (key, value);
            _order.AddLast(node);
            return;
        }
        if (_index.Count >= Capacity)
        {
            var oldest = _order.First!;
            _order.RemoveFirst();
            _index.Remove(oldest.Value.Key);
            Evicted++;
        }
        _index[key] = _order.AddLast((key, value));
    }

    /// <summary>The stored value, or a new one from <paramref name="create"/> stored first.</summary>
    public TValue GetOrAdd(TKey key, Func<TValue> create)
    {
        if (TryGet(key, out var value)) return value;
        value = create();
        Set(key, value);
        return value;
    }

    public bool Remove(TKey key)
    {
        if (!_index.Remove(key, out var node)) return false;
        _order.Remove(node);
        return true;
    }

    /// <summary>Removes every entry the predicate selects; returns how many.</summary>
    public int RemoveWhere(Func<TKey, TValue, bool> predicate)
    {
        int removed = 0;
        var node = _order.First;
        while (node is not null)
        {
            var next = node.Next;
            if (predicate(node.Value.Key, node.Value.Value))
            {
                _order.Remove(node);
                _index.Remove(node.Value.Key);
                removed++;
            }
            node = next;
        }
        return removed;
    }

    /// <summary>Entries from the least to the most recently written.</summary>
    public IEnumerable<KeyValuePair<TKey, TValue>> Entries()
    {
        foreach (var (key, value) in _order) yield return new(key, value);
    }
}
