using System.Buffers.Binary;
using Analyzer.Tests.Support;

namespace Analyzer.Tests.Cli;

/// <summary>
/// Damaged and unusual captures: the packets that can be read are analyzed, then one clear line, and exit code 1
/// for damage. Oddities that a valid file may have (time going backwards, unknown pcapng blocks) are analyzed with
/// exit code 0, the former with a warning line.
/// </summary>
public class CorruptCaptureTests
{
    private static readonly byte[] Ssdp = Frames.Ethernet(0x0800, Frames.Ipv4("192.168.1.20", "239.255.255.250", 17,
        Frames.Udp(50000, 1900, "NOTIFY * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nNT: upnp:rootdevice\r\nNTS: ssdp:alive\r\nUSN: uuid:1::upnp:rootdevice\r\nLOCATION: http://192.168.1.20:80/d.xml\r\n\r\n"u8.ToArray())));

    private static int EventRows(TempDir dir) => File.ReadAllLines(dir.File("events.csv")).Length - 1;

    [Fact]
    public void ARecordLongerThanAnyPacketStopsTheFileAfterThePacketsBeforeIt()
    {
        using var dir = new TempDir();
        new PcapBuilder(1).Add(Ssdp).Add(Ssdp, capturedLength: 300_000).Add(Ssdp).WriteTo(dir.File("big.pcap"));

        var result = CliRunner.Run(dir.Path, "analyze", "big.pcap", "--events", "events.csv");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: big.pcap: damaged after 1 packet: invalid packet capture length 300000, bigger than snaplen of 65535", result.StderrLines[0]);
        Assert.Equal(1, EventRows(dir));
    }

    [Fact]
    public void ARecordLongerThanTheRestOfTheFileIsReportedAsTruncation()
    {
        using var dir = new TempDir();
        var bytes = new PcapBuilder(1).Add(Ssdp).Add(Ssdp, capturedLength: 5000, originalLength: 5000).ToArray();
        File.WriteAllBytes(dir.File("short.pcap"), bytes);

        var result = CliRunner.Run(dir.Path, "analyze", "short.pcap", "--events", "events.csv");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: short.pcap: damaged after 1 packet: truncated dump file; tried to read 5000 captured bytes, only got {Ssdp.Length}", result.StderrLines[0]);
        Assert.Equal(1, EventRows(dir));
    }

    [Fact]
    public void AnUnknownLinkTypeIsNamedWithTheSupportedOnes()
    {
        using var dir = new TempDir();
        new PcapBuilder(147).Add(Ssdp).WriteTo(dir.File("user0.pcap"));

        var result = CliRunner.Run(dir.Path, "analyze", "user0.pcap");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: user0.pcap: unsupported link type 147 (supported: 0 Null, 1 Ethernet, 12 RawBsd, 14 RawBsdAlt, 101 Raw, 108 Loop, 113 LinuxSll, 228 Ipv4, 229 Ipv6, 276 LinuxSll2)", result.StderrLines[0]);
    }

    [Fact]
    public void TimeGoingBackwardsIsAnalyzedInFileOrderWithAWarning()
    {
        using var dir = new TempDir();
        new PcapBuilder(1).Add(Ssdp, 1_700_000_100_000_000).Add(Ssdp, 1_700_000_000_000_000).Add(Ssdp, 1_600_000_000_000_000).WriteTo(dir.File("back.pcap"));

        var result = CliRunner.Run(dir.Path, "analyze", "back.pcap", "--events", "events.csv");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("warning: back.pcap: time goes backwards at packet 2 (2 packets earlier than one before them); analyzed in file order", result.StderrLines[0]);
        Assert.Equal(3, EventRows(dir));
    }

    [Fact]
    public void PcapNgWithUnknownBlocksIsReadPastThem()
    {
        using var dir = new TempDir();
        File.WriteAllBytes(dir.File("blocks.pcapng"), PcapNg.Build(Ssdp, unknownBlockBetween: true));

        var result = CliRunner.Run(dir.Path, "analyze", "blocks.pcapng", "--events", "events.csv");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(2, EventRows(dir));
    }

    [Fact]
    public void ALaterDamagedFileDoesNotLoseTheResultsOfEarlierOnes()
    {
        using var dir = new TempDir();
        new PcapBuilder(1).Add(Ssdp).Add(Ssdp).WriteTo(dir.File("a-good.pcap"));
        var bad = new PcapBuilder(1).Add(Ssdp).ToArray();
        File.WriteAllBytes(dir.File("b-bad.pcap"), bad[..^10]);

        var result = CliRunner.Run(dir.Path, "analyze", "a-good.pcap", "b-bad.pcap", "--events", "events.csv");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: b-bad.pcap: damaged after 0 packets: truncated dump file", result.StderrLines[0]);
        Assert.Equal(2, EventRows(dir));
    }

    /// <summary>Minimal pcapng (SHB, IDB, EPBs) with an optional block of an unknown type in the middle.</summary>
    private static class PcapNg
    {
        public static byte[] Build(byte[] frame, bool unknownBlockBetween)
        {
            var s = new MemoryStream();
            Block(s, 0x0A0D0D0A, [.. U32(0x1A2B3C4D), 1, 0, 0, 0, .. Enumerable.Repeat((byte)0xFF, 8)]);
            Block(s, 1, [1, 0, 0, 0, .. U32(65535)]);
            Block(s, 6, Epb(frame));
            if (unknownBlockBetween) Block(s, 0x0BADCAFE, "hello world!"u8.ToArray());
            Block(s, 6, Epb(frame));
            return s.ToArray();
        }

        private static byte[] Epb(byte[] frame) => [.. U32(0), .. U32(0), .. U32(0), .. U32((uint)frame.Length), .. U32((uint)frame.Length), .. frame];

        private static void Block(Stream s, uint type, byte[] body)
        {
            int padded = (body.Length + 3) / 4 * 4;
            uint length = (uint)(12 + padded);
            s.Write(U32(type));
            s.Write(U32(length));
            s.Write(body);
            s.Write(new byte[padded - body.Length]);
            s.Write(U32(length));
        }

        private static byte[] U32(uint v)
        {
            var b = new byte[4];
            BinaryPrimitives.WriteUInt32LittleEndian(b, v);
            return b;
        }
    }
}
