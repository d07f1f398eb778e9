namespace Analyzer.State;

/// <summary>
/// A hash index from key hashes to slot numbers, for a table that keeps its records, keys included, in an array by
/// slot: open addressing with linear probing over (hash, slot) pairs. The index holds no keys: a lookup yields the
/// slots whose hash matches (<see cref="First"/>, <see cref="Next"/>) and the owner compares the key of the record at
/// that slot, which it reads anyway, so a lookup touches one bucket line and the record. Adding or removing allocates
/// nothing once the buckets have grown to what the owner's cap needs (removal shifts the following entries back
/// instead of leaving tombstones; the load stays at most one half).
/// </summary>
public sealed class SlotIndex
{
    /// <summary>No slot: the end of the candidates, or a key not in the index.</summary>
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

    public int Count { get; private set; }

    /// <summary>The first slot filed under <paramref name="hash"/>, or <see cref="None"/>; <see cref="Next"/> gives the others.</summary>
    public int First(int hash, out int probe)
    {
        probe = Home(hash);
        return Next(hash, ref probe);
    }

    /// <summary>The next slot filed under <paramref name="hash"/> after the one <paramref name="probe"/> stands at, or <see cref="None"/>.</summary>
    public int Next(int hash, ref int probe)
    {
        var buckets = _buckets;
        int mask = buckets.Length - 1;
        for (int i = probe; ; i = (i + 1) & mask)
        {
            ref var b = ref buckets[i];
            if (b.SlotPlusOne == 0)
            {
                probe = i;
                return None;
            }
            if (b.Hash == hash)
            {
                probe = (i + 1) & mask;
                return b.SlotPlusOne - 1;
            }
        }
    }

    /// <summary>Files <paramref name="slot"/> (0 or more, not in the index) under <paramref name="hash"/>.</summary>
    public void Add(int hash, int slot)
    {
        if ((Count + 1) * 2 > _buckets.Length) Grow();
        Insert(_buckets, hash, slot);
        Count++;
    }

    /// <summary>Removes <paramref name="slot"/>, filed under <paramref name="hash"/>; false when it was not in the index.</summary>
    public bool Remove(int hash, int slot)
    {
        var buckets = _buckets;
        int mask = buckets.Length - 1;
        int i = Home(hash);
        while (true)
        {
            int s = buckets[i].SlotPlusOne;
            if (s == 0) return false;
            if (s == slot + 1) break;
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
