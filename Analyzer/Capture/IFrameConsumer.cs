using Analyzer.Decoding.Link;

namespace Analyzer.Capture;

/// <summary>Receives captured frames in order. The span is valid only during the call.</summary>
public interface IFrameConsumer
{
    void OnFrame(LinkType linkType, long timestampUs, ReadOnlySpan<byte> frame, int wireLength);
}
