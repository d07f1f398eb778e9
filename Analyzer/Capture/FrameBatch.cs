using Analyzer.Decoding.Link;

namespace Analyzer.Capture;

/// <summary>
/// Frames copied out of the capture library's buffer, to be analyzed on another thread (<see cref="ReadAhead"/>).
/// Reused: the reading thread fills it, the analysis thread drains it and hands it back.
/// </summary>
internal sealed class FrameBatch
{
    /// <summary>Frames per batch: enough that handing a batch over costs little per frame.</summary>
    public const int MaxFrames = 512;

    /// <summary>Bytes per batch; a frame larger than what is left closes the batch (a lone larger frame grows it).</summary>
    public const int BufferBytes = 512 * 1024;

    private byte[] _bytes = new byte[BufferBytes];
    private readonly int[] _offsets = new int[MaxFrames];
    private readonly int[] _lengths = new int[MaxFrames];
    private readonly int[] _wireLengths = new int[MaxFrames];
    private readonly long[] _timestamps = new long[MaxFrames];
    private readonly LinkType[] _links = new LinkType[MaxFrames];
    private int _used;

    public int Count { get; private set; }

    /// <summary>Copies the frame in; false when the batch is full (nothing copied).</summary>
    public bool TryAdd(LinkType linkType, long timestampUs, ReadOnlySpan<byte> frame, int wireLength)
    {
        if (Count == MaxFrames) return false;
        if (_used + frame.Length > _bytes.Length)
        {
            if (Count > 0) return false;
            _bytes = new byte[frame.Length];
        }
        frame.CopyTo(_bytes.AsSpan(_used));
        _offsets[Count] = _used;
        _lengths[Count] = frame.Length;
        _wireLengths[Count] = wireLength;
        _timestamps[Count] = timestampUs;
        _links[Count] = linkType;
        _used += frame.Length;
        Count++;
        return true;
    }

    /// <summary>Hands every frame, in order, to <paramref name="consumer"/>, then empties the batch.</summary>
    public void DrainTo(IFrameConsumer consumer)
    {
        for (int i = 0; i < Count; i++)
            consumer.OnFrame(_links[i], _timestamps[i], _bytes.AsSpan(_offsets[i], _lengths[i]), _wireLengths[i]);
        Count = 0;
        _used = 0;
    }
}
