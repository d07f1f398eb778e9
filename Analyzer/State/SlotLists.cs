namespace Analyzer.State;

/// <summary>
/// Recency lists of slots (a table keeps its records in an array by slot): each slot is in at most one of a fixed
/// number of lists, linked by slot number in arrays of their own. Moving a slot to the newest end of its list writes
/// a few integers close together, never an object reference (no GC write barrier) and never the records themselves.
/// </summary>
public sealed class SlotLists
{
    /// <summary>No slot: the end of a list, or a slot in no list.</summary>
    public const int None = -1;

    private int[] _older = [];
    private int[] _newer = [];
    private int[] _list = [];
    private readonly int[] _oldest;
    private readonly int[] _newest;

    public SlotLists(int lists)
    {
        _oldest = new int[lists];
        _newest = new int[lists];
        Array.Fill(_oldest, None);
        Array.Fill(_newest, None);
    }

    public int Oldest(int list) => _oldest[list];
    public int Newest(int list) => _newest[list];
    /// <summary>The slot before <paramref name="slot"/> in its list (less recent), or <see cref="None"/>.</summary>
    public int Older(int slot) => _older[slot];
    /// <summary>The slot after <paramref name="slot"/> in its list (more recent), or <see cref="None"/>.</summary>
    public int Newer(int slot) => _newer[slot];
    /// <summary>The list <paramref name="slot"/> is in, or <see cref="None"/>.</summary>
    public int ListOf(int slot) => slot < _list.Length ? _list[slot] : None;

    /// <summary>Puts a slot that is in no list at the newest end of <paramref name="list"/>.</summary>
    public void Append(int list, int slot)
    {
        if (slot >= _list.Length) Grow(slot);
        int newest = _newest[list];
        _older[slot] = newest;
        _newer[slot] = None;
        _list[slot] = list;
        if (newest != None) _newer[newest] = slot; else _oldest[list] = slot;
        _newest[list] = slot;
    }

    /// <summary>Takes the slot out of its list (nothing when it is in none).</summary>
    public void Unlink(int slot)
    {
        int list = ListOf(slot);
        if (list == None) return;
        int older = _older[slot], newer = _newer[slot];
        if (older != None) _newer[older] = newer; else _oldest[list] = newer;
        if (newer != None) _older[newer] = older; else _newest[list] = older;
        _older[slot] = _newer[slot] = _list[slot] = None;
    }

    /// <summary>Moves the slot to the newest end of <paramref name="list"/>.</summary>
    public void MoveToNewest(int list, int slot)
    {
        if (ListOf(slot) == list && _newest[list] == slot) return;
        Unlink(slot);
        Append(list, slot);
    }

    private void Grow(int slot)
    {
        int size = Math.Max(Math.Max(16, _list.Length * 2), slot + 1);
        int old = _list.Length;
        Array.Resize(ref _older, size);
        Array.Resize(ref _newer, size);
        Array.Resize(ref _list, size);
        _list.AsSpan(old).Fill(None);
    }
}
