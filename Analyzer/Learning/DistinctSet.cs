namespace Analyzer.Learning;

/// <summary>
/// Counts distinct values (by <see cref="StableHash"/>) up to <see cref="MaxItems"/>; past the cap the count stays
/// at the cap, so a scan of thousands of targets costs the same memory as one of sixty-four.
/// </summary>
internal sealed class DistinctSet
{
    /// <summary>Distinct values remembered per set and window; the feature saturates here.</summary>
    public const int MaxItems = 64;

    private readonly HashSet<ulong> _items = [];

    public int Count => _items.Count;

    public void Add(ulong hash)
    {
        if (_items.Count < MaxItems) _items.Add(hash);
    }

    public void Add(string text) => Add(StableHash.Of(text));

    public void Clear() => _items.Clear();
}
