using Analyzer.Generation.Capture;

namespace Analyzer.Generation.Packets;

/// <summary>
/// Collects the frames of one capture with their times. Conversations are generated one after another but may
/// overlap in time, so <see cref="Frames"/> sorts them; frames with equal times keep the order they were added in.
/// </summary>
public sealed class PacketTimeline(FrameFactory factory)
{
    private readonly List<GeneratedFrame> _frames = new();

    public FrameFactory Factory { get; } = factory;

    public void Add(long timestampUs, byte[] frame) => _frames.Add(new GeneratedFrame(timestampUs, frame));

    /// <summary>The frames in time order (a stable sort, so the order of equal times is the order of adding).</summary>
    public IReadOnlyList<GeneratedFrame> Frames() => _frames.OrderBy(f => f.TimestampUs).ToList();
}
