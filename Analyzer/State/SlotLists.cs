namespace Analyzer.State;

/// <summary>
/// Recency lists of slots (a table keeps its records in an array by slot): each slot is in at most one of a fixed
/// number of lists, linked by slot number in an array of its own. A slot's links and list sit together, so moving a
/// slot to the newest end of its list writes a few integers on three lines at most (the slot's and its two
/// neighbours'), never an object reference (no GC write barrier) and never the records themselves.
/// </summary>
public sealed class SlotLists
{
    /// <summary>No slot: the end of a list, or a slot in no list.</summary>
    public const int None = -1;

    private struct Link
    {
        public int Older;
        public int Newer;
        public int List;
    }

    private Link[] _links = [];
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
    public int Older(int slot) => _links[slot].Older;
    /// <summary>The slot after <paramref name="slot"/> in its list (more recent), or <see cref="None"/>.</summary>
    public int Newer(int slot) => _links[slot].Newer;
    /// <summary>The list <paramref name="slot"/> is in, or <see cref="None"/>.</summary>
    public int ListOf(int slot) => (uint)slot < (uint)_links.Length ? _links[slot].List : None;

    /// <summary>Puts a slot that is in no list at the newest end of <paramref name="list"/>.</summary>
    public void Append(int list, int slot)
    {
        if (slot >= _links.Length) Grow(slot);
        var links = _links;
        int newest = _newest[list];
        ref var link = ref links[slot];
        link.Older = newest;
        link.Newer = None;
        link.List = list;
        if (newest != None) links[newest].Newer = slot; else _oldest[list] = slot;
        _newest[list] = slot;
    }

    /// <summary>Takes the slot out of its list (nothing when it is in none).</summary>
    public void Unlink(int slot)
    {
        if ((uint)slot >= (uint)_links.Length) return;
        var links = _links;
        ref var link = ref links[slot];
        int list = link.List;
        if (list == None) return;
        int older = link.Older, newer = link.Newer;
        if (older != None) links[older].Newer = newer; else _oldest[list] = newer;
        if (newer != None) links[newer].Older = older; else _newest[list] = older;
        link.Older = link.Newer = link.List = None;
    }

    /// <summary>Moves the slot to the newest end of <paramref name="list"/>.</summary>
    public void MoveToNewest(int list, int slot)
    {
        if (_newest[list] == slot) return;
        Unlink(slot);
        Append(list, slot);
    }

    private void Grow(int slot)
    {
        int size = Math.Max(Math.Max(16, _links.Length * 2), slot + 1);
        int old = _links.Length;
        Array.Resize(ref _links, size);
        _links.AsSpan(old).Fill(new Link { Older = None, Newer = None, List = None });
    }
}
