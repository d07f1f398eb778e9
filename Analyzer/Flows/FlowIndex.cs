namespace Analyzer.Flows;

/// <summary>
/// The flow table's hash index: open addressing with linear probing over an array of (hash, slot) pairs, so a
/// lookup touches one or two cache lines whatever the table's size, and adding or removing a flow allocates nothing
/// (removal shifts the following entries back instead of leaving tombstones). Grows by doubling up to what its
/// owner's cap needs, keeping the load at most one half.
/// </summary>
internal sealed class FlowIndex
{
    private const int MinBits = 10;

    private struct Bucket
    {
        public int Hash;
        /// <summary>The record's slot plus one; 0 marks an empty bucket.</summary>
        public int SlotPlusOne;
    }

    private Bucket[] _buckets = new Bucket[1 << MinBits];
    private int _bits = MinBits;

    public int Count { get; private set; }

    public int Find(in FlowKey key, int hash, FlowRecord[] records)
    {
        var buckets = _buckets;
        int mask = buckets.Length - 1;
        for (int i = Home(hash); ; i = (i + 1) & mask)
        {
            ref var b = ref buckets[i];
            if (b.SlotPlusOne == 0) return FlowTable.NoSlot;
            if (b.Hash == hash && records[b.SlotPlusOne - 1].Key.Equals(key)) return b.SlotPlusOne - 1;
        }
    }

    public void Add(int hash, int slot)
    {
        if ((Count + 1) * 2 > _buckets.Length) Grow();
        Insert(_buckets, hash, slot);
        Count++;
    }

    public void Remove(in FlowKey key, int hash, FlowRecord[] records)
    {
        var buckets = _buckets;
        int mask = buckets.Length - 1;
        int i = Home(hash);
        while (true)
        {
            ref var b = ref buckets[i];
            if (b.SlotPlusOne == 0) return;
            if (b.Hash == hash && records[b.SlotPlusOne - 1].Key.Equals(key)) break;
            i = (i + 1) & mask;
        }
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
