using Analyzer.Decoding;

namespace Analyzer.Reassembly;

/// <summary>
/// One TCP connection as the reassembler tracks it. Instances are reused: consumers must not keep a
/// reference after <see cref="ITcpStreamConsumer.OnClosed"/>.
/// </summary>
public sealed class TcpStream
{
    private readonly TcpHalfStream _fromOriginator;
    private readonly TcpHalfStream _fromResponder;
    private readonly HeldByteCount _held;

    internal TcpStream(HeldByteCount held)
    {
        _held = held;
        _fromOriginator = new TcpHalfStream(held);
        _fromResponder = new TcpHalfStream(held);
    }

    private TcpStreamKey _key;

    public TcpStreamKey Key => _key;
    public NetAddress OriginatorAddress { get; private set; }
    public ushort OriginatorPort { get; private set; }
    public NetAddress ResponderAddress => OriginatorIsLow ? Key.HighAddress : Key.LowAddress;
    public ushort ResponderPort => OriginatorIsLow ? Key.HighPort : Key.LowPort;
    /// <summary>Number given when the connection was first seen, counted from 1 per reassembler.</summary>
    public long Id { get; private set; }
    public long FirstSeenUs { get; private set; }
    public long LastSeenUs { get; internal set; }
    /// <summary>The consumer said the connection carries nothing it decodes: its segments are dropped unread.</summary>
    public bool Ignored { get; private set; }
    /// <summary>Both directions ended; the entry lingers only to absorb late retransmissions.</summary>
    public bool Closed { get; internal set; }
    /// <summary>The analyzer that claimed the connection (<see cref="TcpAnalyzerRegistry"/>); none before its first bytes.</summary>
    public ITcpStreamAnalyzer? Owner { get; internal set; }
    /// <summary>Per-connection state of the consumer. Dropped when the connection is ignored or closed.</summary>
    public object? AppState { get; set; }

    /// <summary>Memory the consumer's state keeps alive for this connection, as last reported.</summary>
    public long AppHeldBytes { get; private set; }

    /// <summary>
    /// The consumer reports what its <see cref="AppState"/> holds (messages being collected, requests awaiting
    /// their response), so that the reassembler's global cap counts it and evicts connections that hold too much.
    /// </summary>
    public void ReportAppBytes(long bytes)
    {
        bytes = Math.Max(0, bytes);
        _held.Total += bytes - AppHeldBytes;
        AppHeldBytes = bytes;
    }

    /// <summary>Where the connection table keeps this connection.</summary>
    internal int Slot;

    /// <summary>Whether this is the connection of <paramref name="key"/> (the table's lookup compares here).</summary>
    internal bool Has(in TcpStreamKey key) => TcpStreamKey.Same(_key, key);

    private bool OriginatorIsLow => Key.LowPort == OriginatorPort && TcpStreamKey.SameAddress(Key.LowAddress, OriginatorAddress);

    public TcpHalfStream Half(StreamDirection direction) =>
        direction == StreamDirection.FromOriginator ? _fromOriginator : _fromResponder;

    public StreamDirection DirectionOf(in PacketInfo packet) =>
        packet.SrcPort == OriginatorPort && TcpStreamKey.SameAddress(packet.Src, OriginatorAddress)
            ? StreamDirection.FromOriginator
            : StreamDirection.FromResponder;

    /// <summary>Stop reassembling this connection; its buffers and <see cref="AppState"/> are released by the reassembler.</summary>
    public void Ignore() => Ignored = true;

    internal void Init(TcpStreamKey key, NetAddress originator, ushort originatorPort, long id, long nowUs)
    {
        _key = key;
        OriginatorAddress = originator;
        OriginatorPort = originatorPort;
        Id = id;
        FirstSeenUs = LastSeenUs = nowUs;
        Ignored = Closed = false;
        AppState = null;
        Owner = null;
        ReportAppBytes(0);
        _fromOriginator.Reset();
        _fromResponder.Reset();
    }

    internal void ReleaseBuffers()
    {
        ReportAppBytes(0);
        _fromOriginator.ReleasePending();
        _fromOriginator.ReleaseQueue();
        _fromResponder.ReleasePending();
        _fromResponder.ReleaseQueue();
    }

    internal long HeldBytes => _fromOriginator.HeldBytes + _fromResponder.HeldBytes + AppHeldBytes;
}
