namespace Analyzer.State;

/// <summary>
/// A hash index from value keys to slot numbers (the owner keeps its records in an array by slot): open addressing
/// with linear probing over (hash, slot) pairs and the keys in an array by slot, so a lookup touches a few cache
/// lines whatever the table's size, and adding or removing allocates nothing once the arrays have grown to what the
/// owner's cap needs (removal shifts the following entries back instead of leaving tombstones; the load stays at most
/// one half).
/// </summary>
public sealed class SlotIndex<TKey> where TKey : struct, IEquatable<TKey>
{
    /// <summary>No slot: the key is not in the index.</summary>
    public const int None = -1;

    private const int MinBits = 10;

    private struct Bucket
    {
        public int Hash;
        /// <summary>The slot plus one; 0 marks an empty bucket.</summary>
        public int SlotPlusOne;
    }

    private Bucket[] _buckets = new Bucket[1 << MinBits];
    private int _bits = MinBits;
    private TKey[] _keys = new TKey[1 << (MinBits - 1)];

    public int Count { get; private set; }

    public int Find(in TKey key)
    {
        int hash = key.GetHashCode();
        var buckets = _buckets;
        int mask = buckets.Length - 1;
        for (int i = Home(hash); ; i = (i + 1) & mask)
        {
            ref var b = ref buckets[i];
            if (b.SlotPlusOne == 0) return None;
            if (b.Hash == hash && _keys[b.SlotPlusOne - 1].Equals(key)) return b.SlotPlusOne - 1;
        }
    }

    /// <summary>Adds a key that is not in the index, at <paramref name="slot"/> (0 or more).</summary>
    public void Add(in TKey key, int slot)
    {
        if ((Count + 1) * 2 > _buckets.Length) Grow();
        if (slot >= _keys.Length) Array.Resize(ref _keys, Math.Max(_keys.Length * 2, slot + 1));
        _keys[slot] = key;
        Insert(_buckets, key.GetHashCode(), slot);
        Count++;
    }

    /// <summary>Removes the key; false when it was not in the index.</summary>
    public bool Remove(in TKey key)
    {
        int hash = key.GetHashCode();
        var buckets = _buckets;
        int mask = buckets.Length - 1;
        int i = Home(hash);
        while (true)
        {
            ref var b = ref buckets[i];
            if (b.SlotPlusOne == 0) return false;
            if (b.Hash == hash && _keys[b.SlotPlusOne - 1].Equals(key)) break;
            i = (i + 1) & mask;
        }
        _keys[buckets[i].SlotPlusOne - 1] = default;
        // Backward-shift deletion: move up every later entry of the probe run that may sit in the freed bucket.
        int hole = i;
        for (int j = (hole + 1) & mask; buckets[j].SlotPlusOne != 0; j = (j + 1) & mask)
        {
            int home = Home(buckets[j].Hash);
            bool movable = hole <= j ? home <= hole || home > j : home <= hole && home > j;
            if (!movable) continue;
            buckets[hole] = buckets[j];
            hole = j;
        }
        buckets[hole] = default;
        Count--;
        return true;
    }

    // Fibonacci hashing: the top bits of the product mix every bit of the key's hash.
    private int Home(int hash) => (int)((uint)hash * 0x9E3779B9u >> (32 - _bits));

    private void Insert(Bucket[] buckets, int hash, int slot)
    {
        int mask = buckets.Length - 1;
        int i = Home(hash);
        while (buckets[i].SlotPlusOne != 0) i = (i + 1) & mask;
        buckets[i] = new Bucket { Hash = hash, SlotPlusOne = slot + 1 };
    }

    private void Grow()
    {
        var old = _buckets;
        _bits++;
        _buckets = new Bucket[1 << _bits];
        foreach (var b in old)
            if (b.SlotPlusOne != 0) Insert(_buckets, b.Hash, b.SlotPlusOne - 1);
    }
}
