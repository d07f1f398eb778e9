using Analyzer.Decoding.Link;

namespace Analyzer.Tests.Fuzzing;

/// <summary>
/// What one fuzz case fed to the decoders, recorded before it is fed so that a crash or a hang can be written out:
/// the main mutated input (bytes) and the frames that carry it (written as a pcap that `analyzer analyze` replays).
/// </summary>
public sealed class FuzzCase
{
    public byte[] Input { get; private set; } = [];
    public LinkType LinkType { get; private set; } = LinkType.Ethernet;
    private readonly List<(long TimestampUs, byte[] Frame)> _frames = [];
    private readonly List<Func<(long TimestampUs, byte[] Frame)>> _lazyFrames = [];

    /// <summary>The frames, built now for those added lazily (building every frame of every case costs too much).</summary>
    public IReadOnlyList<(long TimestampUs, byte[] Frame)> Frames
    {
        get
        {
            foreach (var build in _lazyFrames) _frames.Add(build());
            _lazyFrames.Clear();
            return _frames;
        }
    }

    public void SetInput(byte[] input) => Input = input;

    public void AddFrame(LinkType linkType, long timestampUs, byte[] frame)
    {
        LinkType = linkType;
        _frames.Add((timestampUs, frame));
    }

    public void AddFrame(LinkType linkType, Func<(long TimestampUs, byte[] Frame)> build)
    {
        LinkType = linkType;
        _lazyFrames.Add(build);
    }
}
