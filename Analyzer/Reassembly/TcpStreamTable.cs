using Analyzer.State;

namespace Analyzer.Reassembly;

/// <summary>
/// The connections of one reassembler by key, in two recency lists (open ones; closed ones that linger), each
/// connection at a slot of its own that a later connection reuses, so that a new connection allocates nothing once
/// the table has held as many as it holds at most, and a segment's lookup and move in its list touch arrays of values
/// (<see cref="SlotIndex"/>, <see cref="SlotLists"/>; the key is compared in the connection, read anyway). Says nothing about what a segment does to a connection:
/// that is <see cref="TcpReassembler"/>'s.
/// </summary>
internal sealed class TcpStreamTable
{
    private const int ActiveList = 0;
    private const int ClosedList = 1;

    private readonly SlotIndex _index = new();
    private readonly SlotLists _lists = new(2);
    private readonly HeldByteCount _held;
    private TcpStream[] _slots = new TcpStream[256];
    private int _slotsUsed;
    private readonly Stack<int> _freeSlots = new();
    private long _nextId = 1;

    public TcpStreamTable(HeldByteCount held) => _held = held;

    public int Count => _index.Count;

    public TcpStream? OldestActive => At(_lists.Oldest(ActiveList));
    public TcpStream? NewestActive => At(_lists.Newest(ActiveList));
    public TcpStream? OldestClosed => At(_lists.Oldest(ClosedList));
    public TcpStream? NewestClosed => At(_lists.Newest(ClosedList));

    /// <summary>The connection next more recent than <paramref name="stream"/> in its list, or null.</summary>
    public TcpStream? NewerThan(TcpStream stream) => At(_lists.Newer(stream.Slot));

    public bool TryGet(in TcpStreamKey key, out TcpStream stream)
    {
        int hash = key.GetHashCode();
        for (int slot = _index.First(hash, out int probe); slot != SlotIndex.None; slot = _index.Next(hash, ref probe))
        {
            stream = _slots[slot];
            if (stream.Has(key)) return true;
        }
        stream = null!;
        return false;
    }

    /// <summary>A new open connection (its key not in the table), most recently active, with the next id.</summary>
    public TcpStream Open(in TcpStreamKey key, NetAddress originator, ushort originatorPort, long nowUs)
    {
        if (!_freeSlots.TryPop(out int slot))
        {
            slot = _slotsUsed++;
            if (slot == _slots.Length) Array.Resize(ref _slots, _slots.Length * 2);
            _slots[slot] = new TcpStream(_held) { Slot = slot };
        }
        var stream = _slots[slot];
        stream.Init(key, originator, originatorPort, _nextId++, nowUs);
        _index.Add(key.GetHashCode(), slot);
        _lists.Append(ActiveList, slot);
        return stream;
    }

    /// <summary>The connection saw a segment at <paramref name="nowUs"/>: it becomes the most recently active.</summary>
    public void Touch(TcpStream stream, long nowUs)
    {
        stream.LastSeenUs = nowUs;
        _lists.MoveToNewest(ActiveList, stream.Slot);
    }

    public void MoveToClosed(TcpStream stream) => _lists.MoveToNewest(ClosedList, stream.Slot);

    /// <summary>Drops the connection from the table; its slot and instance serve a later connection.</summary>
    public void Remove(TcpStream stream)
    {
        _lists.Unlink(stream.Slot);
        _index.Remove(stream.Key.GetHashCode(), stream.Slot);
        stream.Init(default, default, 0, 0, 0);
        _freeSlots.Push(stream.Slot);
    }

    private TcpStream? At(int slot) => slot == SlotLists.None ? null : _slots[slot];
}
