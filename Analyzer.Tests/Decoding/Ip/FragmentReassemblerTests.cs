using Analyzer.Decoding;
using Analyzer.Decoding.Ip;
using Analyzer.Decoding.Link;
using Analyzer.Tests.Support;

namespace Analyzer.Tests.Decoding.Ip;

public class FragmentReassemblerTests
{
    private static readonly byte[] Whole = Frames.Udp(5351, 5351, Enumerable.Range(0, 100).Select(i => (byte)i).ToArray());

    private static byte[]? Feed(FragmentReassembler r, byte[] bytes, int offset, int length, bool more, ushort id = 7, long t = 0)
    {
        var frame = Frames.Ipv4("192.168.1.2", "192.168.1.1", 17, bytes[offset..(offset + length)], id, offset, more);
        FrameDecoder.Decode(LinkType.Raw, frame, out var ip, out _);
        return r.Add(ip, t, out _);
    }

    [Fact]
    public void AddRebuildsADatagramFromFragmentsInAnyOrder()
    {
        var r = new FragmentReassembler();

        Assert.Null(Feed(r, Whole, 64, Whole.Length - 64, more: false));
        Assert.Null(Feed(r, Whole, 0, 32, more: true));
        var result = Feed(r, Whole, 32, 32, more: true);

        Assert.Equal(Whole, result);
        Assert.Equal(0, r.PendingCount);
    }

    [Fact]
    public void AddKeepsTheFirstDataOfAnOverlapAndReportsAConflict()
    {
        var r = new FragmentReassembler();
        var altered = (byte[])Whole.Clone();
        altered[40] ^= 0xFF;

        Feed(r, Whole, 0, 48, more: true);
        var frame = Frames.Ipv4("192.168.1.2", "192.168.1.1", 17, altered[32..64], 7, 32, true);
        FrameDecoder.Decode(LinkType.Raw, frame, out var ip, out _);
        Assert.Null(r.Add(ip, 0, out var anomaly));
        var result = Feed(r, Whole, 64, Whole.Length - 64, more: false);

        Assert.Equal("ip.fragment_conflict", anomaly);
        Assert.Equal(Whole, result);
    }

    [Fact]
    public void AddDropsDatagramsThatDoNotCompleteInTime()
    {
        var r = new FragmentReassembler();
        Feed(r, Whole, 0, 32, more: true, t: 0);

        var frame = Frames.Ipv4("192.168.1.2", "192.168.1.1", 17, Whole[..8], 99, 0, true);
        FrameDecoder.Decode(LinkType.Raw, frame, out var ip, out _);
        r.Add(ip, FragmentReassembler.TimeoutUs + 1, out var anomaly);

        Assert.Equal("ip.fragment_timeout", anomaly);
        Assert.Equal(1, r.PendingCount);
    }

    [Fact]
    public void PendingDatagramsNeverExceedTheCap()
    {
        var r = new FragmentReassembler();
        for (int id = 0; id < FragmentReassembler.MaxPendingDatagrams * 3; id++)
            Feed(r, Whole, 0, 16, more: true, id: (ushort)id);

        Assert.Equal(FragmentReassembler.MaxPendingDatagrams, r.PendingCount);
    }

    [Fact]
    public void AddRejectsFragmentsBeyondTheLargestDatagram()
    {
        var r = new FragmentReassembler();
        var frame = Frames.Ipv4("192.168.1.2", "192.168.1.1", 17, new byte[64], 1, 65528, false);
        FrameDecoder.Decode(LinkType.Raw, frame, out var ip, out _);

        Assert.Null(r.Add(ip, 0, out var anomaly));
        Assert.Equal("ip.fragment_too_large", anomaly);
    }
}
