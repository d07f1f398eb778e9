namespace Analyzer.Reassembly;

/// <summary>
/// The connections of one reassembler by key, in two recency lists (open ones, most recently active first; closed
/// ones that linger, most recently closed first), and a pool of forgotten ones for reuse, so that a new connection
/// usually allocates nothing. Says nothing about what a segment does to a connection: that is
/// <see cref="TcpReassembler"/>'s.
/// </summary>
internal sealed class TcpStreamTable
{
    private const int MaxPooledStreams = 1024;

    private readonly Dictionary<TcpStreamKey, TcpStream> _streams = new(TcpStreamKey.Comparer);
    private readonly Stack<TcpStream> _pool = new();
    private readonly HeldByteCount _held;
    private long _nextId = 1;

    public TcpStreamTable(HeldByteCount held) => _held = held;

    public int Count => _streams.Count;

    /// <summary>Open connections, most recently active first.</summary>
    public LinkedList<TcpStream> Active { get; } = new();

    /// <summary>Closed connections that linger, most recently closed first.</summary>
    public LinkedList<TcpStream> Closed { get; } = new();

    public bool TryGet(in TcpStreamKey key, out TcpStream stream) => _streams.TryGetValue(key, out stream!);

    /// <summary>A new open connection, most recently active, with the next id.</summary>
    public TcpStream Open(in TcpStreamKey key, NetAddress originator, ushort originatorPort, long nowUs)
    {
        var stream = _pool.Count > 0 ? _pool.Pop() : new TcpStream(_held);
        stream.Init(key, originator, originatorPort, _nextId++, nowUs);
        _streams[key] = stream;
        Active.AddFirst(stream.LruNode);
        return stream;
    }

    /// <summary>The connection saw a segment at <paramref name="nowUs"/>: it becomes the most recently active.</summary>
    public void Touch(TcpStream stream, long nowUs)
    {
        stream.LastSeenUs = nowUs;
        if (Active.First != stream.LruNode)
        {
            Active.Remove(stream.LruNode);
            Active.AddFirst(stream.LruNode);
        }
    }

    public void MoveToClosed(TcpStream stream)
    {
        Active.Remove(stream.LruNode);
        Closed.AddFirst(stream.LruNode);
    }

    /// <summary>Drops the connection from the table; its instance goes back to the pool.</summary>
    public void Remove(TcpStream stream)
    {
        stream.LruNode.List?.Remove(stream.LruNode);
        _streams.Remove(stream.Key);
        stream.Init(default, default, 0, 0, 0);
        if (_pool.Count < MaxPooledStreams) _pool.Push(stream);
    }
}
