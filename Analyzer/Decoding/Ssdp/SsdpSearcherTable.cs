namespace Analyzer.Decoding.Ssdp;

/// <summary>
/// The endpoints (address, port) that sent an M-SEARCH recently, each with the time until which a reply to it is
/// expected. Search replies are unicast to that endpoint and may come from any port (Chromecast answers from an
/// ephemeral port, Windows' UPnP host from 1901), so this table is what recognizes them. Bounded: at most
/// <see cref="Capacity"/> entries, the least recently searching endpoint evicted first; time is capture time.
/// </summary>
internal sealed class SsdpSearcherTable
{
    private readonly record struct Entry((NetAddress Address, ushort Port) Key, long ReplyDeadlineUs);

    private readonly Dictionary<(NetAddress Address, ushort Port), LinkedListNode<Entry>> _byKey;
    // Least recently searching first: expiry and eviction both take from the head.
    private readonly LinkedList<Entry> _byAge = new();

    public SsdpSearcherTable(int capacity)
    {
        Capacity = capacity;
        _byKey = new Dictionary<(NetAddress, ushort), LinkedListNode<Entry>>(capacity);
    }

    public int Capacity { get; }

    public int Count => _byKey.Count;

    /// <summary>Notes an M-SEARCH from <paramref name="address"/>:<paramref name="port"/>.</summary>
    public void Record(NetAddress address, ushort port, long nowUs, long replyDeadlineUs)
    {
        var key = (address, port);
        var entry = new Entry(key, replyDeadlineUs);
        if (_byKey.TryGetValue(key, out var node))
        {
            _byAge.Remove(node);
            node.Value = entry;
            _byAge.AddLast(node);
            return;
        }

        ExpireBefore(nowUs);
        if (_byKey.Count >= Capacity)
        {
            // Reuse the evicted node: a flood of spoofed searchers then costs no allocation.
            node = _byAge.First!;
            _byAge.RemoveFirst();
            _byKey.Remove(node.Value.Key);
            node.Value = entry;
        }
        else node = new LinkedListNode<Entry>(entry);
        _byAge.AddLast(node);
        _byKey.Add(key, node);
    }

    /// <summary>Whether a reply to this endpoint at <paramref name="nowUs"/> answers a recorded M-SEARCH.</summary>
    public bool IsAwaitingReply(NetAddress address, ushort port, long nowUs) =>
        _byKey.TryGetValue((address, port), out var node) && nowUs <= node.Value.ReplyDeadlineUs;

    private void ExpireBefore(long nowUs)
    {
        while (_byAge.First is { } oldest && oldest.Value.ReplyDeadlineUs < nowUs)
        {
            _byAge.RemoveFirst();
            _byKey.Remove(oldest.Value.Key);
        }
    }
}
