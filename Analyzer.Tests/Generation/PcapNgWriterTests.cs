using Analyzer.Generation.Capture;
using Analyzer.Tests.Support;
using PacketDotNet;

namespace Analyzer.Tests.Generation;

public class PcapNgWriterTests
{
    private static readonly GeneratedFrame[] Frames =
    [
        new(1_773_478_800_000_001, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]),
        new(1_773_478_801_500_000, new byte[61]),
        new(1_773_478_802_999_999, new byte[1514]),
    ];

    [Theory]
    [InlineData(CaptureFileFormat.Pcap)]
    [InlineData(CaptureFileFormat.PcapNg)]
    public void SharpPcapReadsBackEveryFrameWithItsTimeAndBytes(CaptureFileFormat format)
    {
        using var dir = new TempDir();
        string path = dir.File("t" + CaptureFileWriters.Extension(format));
        using (var writer = CaptureFileWriters.Open(path, format, LinkLayers.LinuxSll, "any"))
            foreach (var frame in Frames) writer.Write(frame);

        var read = CaptureFiles.ReadAll(path);

        Assert.Equal(Frames.Length, read.Count);
        for (int i = 0; i < Frames.Length; i++)
        {
            Assert.Equal(LinkLayers.LinuxSll, read[i].LinkLayerType);
            Assert.Equal((ulong)(Frames[i].TimestampUs / 1_000_000), read[i].Timeval.Seconds);
            Assert.Equal((ulong)(Frames[i].TimestampUs % 1_000_000), read[i].Timeval.MicroSeconds);
            Assert.Equal(Frames[i].Data, read[i].Data);
        }
    }

    [Fact]
    public void BlocksFollowThePcapNgLayout()
    {
        using var stream = new MemoryStream();
        using (var writer = new PcapNgWriter(stream, LinkLayers.Ethernet, "eth0"))
            writer.Write(Frames[0]);
        byte[] bytes = stream.ToArray();

        Assert.Equal([0x0A, 0x0D, 0x0D, 0x0A], bytes[..4]);
        Assert.Equal([0x4D, 0x3C, 0x2B, 0x1A], bytes[8..12]);
        int shbLength = BitConverter.ToInt32(bytes, 4);
        Assert.Equal(shbLength, BitConverter.ToInt32(bytes, shbLength - 4));
        Assert.Equal(1, BitConverter.ToInt32(bytes, shbLength));
        int idbLength = BitConverter.ToInt32(bytes, shbLength + 4);
        Assert.Equal(1, BitConverter.ToUInt16(bytes, shbLength + 8));
        int epb = shbLength + idbLength;
        Assert.Equal(6, BitConverter.ToInt32(bytes, epb));
        // 15 data bytes are padded to 16; the block is 28 header bytes + 16 + 4 trailing length.
        Assert.Equal(48, BitConverter.ToInt32(bytes, epb + 4));
        Assert.Equal(bytes.Length, epb + 48);
    }
}
