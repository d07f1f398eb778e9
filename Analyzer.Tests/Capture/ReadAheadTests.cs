using Analyzer.Capture;
using Analyzer.Decoding.Link;

namespace Analyzer.Tests.Capture;

/// <summary>Reading on one thread while analyzing on another changes nothing the analysis sees.</summary>
public class ReadAheadTests
{
    private sealed class Recorder : IFrameConsumer
    {
        public List<(LinkType Link, long Time, byte[] Bytes, int Wire, int Thread)> Frames { get; } = [];
        public int ThrowAt { get; init; } = -1;

        public void OnFrame(LinkType linkType, long timestampUs, ReadOnlySpan<byte> frame, int wireLength)
        {
            if (Frames.Count == ThrowAt) throw new InvalidOperationException("analysis failed at frame " + ThrowAt);
            Frames.Add((linkType, timestampUs, frame.ToArray(), wireLength, Environment.CurrentManagedThreadId));
        }
    }

    private static byte[] Frame(int i, int length) => Enumerable.Range(0, length).Select(b => (byte)(i + b)).ToArray();

    [Fact]
    public void EveryFrameArrivesInOrderWithItsBytesOnTheCallingThread()
    {
        // More frames and bytes than one batch holds, and one frame larger than a whole batch.
        int[] lengths = [.. Enumerable.Range(0, 3000).Select(i => 40 + i % 1500)];
        lengths[1234] = FrameBatch.BufferBytes + 10;
        var expected = lengths.Select((n, i) => (Link: i % 2 == 0 ? LinkType.Ethernet : LinkType.Raw, Time: 1000L + i, Bytes: Frame(i, n), Wire: n + i % 3)).ToList();
        var analysis = new Recorder();
        int readerThread = 0;

        string result = ReadAhead.Run(reader =>
        {
            readerThread = Environment.CurrentManagedThreadId;
            foreach (var f in expected) reader.OnFrame(f.Link, f.Time, f.Bytes, f.Wire);
            return "read " + expected.Count;
        }, analysis);

        Assert.Equal("read 3000", result);
        Assert.Equal(expected.Count, analysis.Frames.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            var (link, time, bytes, wire, _) = analysis.Frames[i];
            Assert.Equal((expected[i].Link, expected[i].Time, expected[i].Wire), (link, time, wire));
            Assert.True(expected[i].Bytes.AsSpan().SequenceEqual(bytes), "bytes of frame " + i);
        }
        Assert.All(analysis.Frames, f => Assert.Equal(Environment.CurrentManagedThreadId, f.Thread));
        Assert.NotEqual(Environment.CurrentManagedThreadId, readerThread);
    }

    [Fact]
    public void AnAnalysisFailureStopsTheReaderAndIsThrownToTheCaller()
    {
        var analysis = new Recorder { ThrowAt = 700 };
        long offered = 0;

        var e = Assert.Throws<InvalidOperationException>(() => ReadAhead.Run(reader =>
        {
            // A reader that would never end by itself: only the failed analysis stops it.
            for (long i = 0; ; i++)
            {
                reader.OnFrame(LinkType.Ethernet, i, new byte[64], 64);
                offered = i;
            }
#pragma warning disable CS0162
            return 0;
#pragma warning restore CS0162
        }, analysis));

        Assert.Equal("analysis failed at frame 700", e.Message);
        Assert.InRange(offered, 700, (ReadAhead.MaxQueuedBatches + 3) * FrameBatch.MaxFrames);
    }

    [Fact]
    public void AReaderFailureIsThrownToTheCallerAfterTheFramesBeforeIt()
    {
        var analysis = new Recorder();

        var e = Assert.Throws<CaptureException>(() => ReadAhead.Run<int>(reader =>
        {
            for (int i = 0; i < 10; i++) reader.OnFrame(LinkType.Ethernet, i, new byte[60], 60);
            throw new CaptureException("libpcap is missing");
        }, analysis));

        Assert.Equal("libpcap is missing", e.Message);
        Assert.Equal(10, analysis.Frames.Count);
    }
}
