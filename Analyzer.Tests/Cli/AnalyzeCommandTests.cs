using Analyzer.Tests.Support;

namespace Analyzer.Tests.Cli;

public class AnalyzeCommandTests
{
    private const string AlertHeader = "time,rule,category,severity,src_ip,src_port,dst_ip,dst_port,protocol,summary,score,count,file,frame";

    private static byte[] SsdpFrame(int i) => Frames.Ethernet(0x0800, Frames.Ipv4("192.168.1.20", "239.255.255.250", 17,
        Frames.Udp((ushort)(50000 + i), 1900, "M-SEARCH * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nMAN: \"ssdp:discover\"\r\nMX: 2\r\nST: ssdp:all\r\n\r\n"u8.ToArray())));

    private static string WriteCapture(TempDir dir, string name, int packets)
    {
        var pcap = new PcapBuilder(1);
        for (int i = 0; i < packets; i++) pcap.Add(SsdpFrame(i), 1_700_000_000_000_000 + i * 1000);
        return pcap.WriteTo(dir.File(name));
    }

    [Fact]
    public void AnalyzeWritesTheAlertHeaderEvenWithoutAlerts()
    {
        using var dir = new TempDir();
        var capture = WriteCapture(dir, "quiet.pcap", 3);

        var result = CliRunner.Run(dir.Path, "analyze", capture, "-o", "out.csv");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(AlertHeader + "\n", File.ReadAllText(dir.File("out.csv")));
        Assert.Contains("read 1 capture: 3 packets", result.Stderr);
    }

    [Fact]
    public void AnalyzeOfAMissingFileSaysSoAndExitsWithOne()
    {
        using var dir = new TempDir();

        var result = CliRunner.Run(dir.Path, "analyze", "nope.pcap");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: nope.pcap: no such file or directory", result.StderrLines[0]);
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    [Fact]
    public void AnalyzeOfATruncatedFileAnalyzesThePacketsBeforeTheDamageAndExitsWithOne()
    {
        using var dir = new TempDir();
        var whole = File.ReadAllBytes(WriteCapture(dir, "whole.pcap", 5));
        var cut = dir.File("cut.pcap");
        File.WriteAllBytes(cut, whole[..^20]);

        var result = CliRunner.Run(dir.Path, "analyze", cut, "--events", "events.csv");

        Assert.Equal(1, result.ExitCode);
        Assert.Matches(@"^error: .*cut\.pcap: damaged after 4 packets: truncated dump file", result.StderrLines[0]);
        Assert.Contains("read 1 capture: 4 packets", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    [Fact]
    public void AnalyzeOfATextFileRenamedPcapIsRejectedByContent()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("notes.pcap"), "this is not a capture\n");

        var result = CliRunner.Run(dir.Path, "analyze", "notes.pcap");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: notes.pcap: not a pcap or pcapng file (unrecognized first bytes)", result.StderrLines[0]);
    }

    [Fact]
    public void AnalyzeOfAnEmptyFileSaysHowShortItIs()
    {
        using var dir = new TempDir();
        File.WriteAllBytes(dir.File("empty.pcap"), []);

        var result = CliRunner.Run(dir.Path, "analyze", "empty.pcap");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: empty.pcap: not a capture file: only 0 bytes", result.StderrLines[0]);
    }

    [Fact]
    public void AnalyzeOfATruncatedGlobalHeaderFailsCleanly()
    {
        using var dir = new TempDir();
        var whole = File.ReadAllBytes(WriteCapture(dir, "whole.pcap", 1));
        File.WriteAllBytes(dir.File("head.pcap"), whole[..10]);

        var result = CliRunner.Run(dir.Path, "analyze", "head.pcap");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: head.pcap: damaged pcap file header: the file ends after 10 of its 24 bytes", result.StderrLines[0]);
    }

    [Fact]
    public void APcapHeaderWithAnotherVersionIsNamedInTheProjectsWords()
    {
        using var dir = new TempDir();
        var bytes = File.ReadAllBytes(WriteCapture(dir, "whole.pcap", 1));
        bytes[4] = 7;
        File.WriteAllBytes(dir.File("v7.pcap"), bytes);

        var result = CliRunner.Run(dir.Path, "analyze", "v7.pcap");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: v7.pcap: damaged pcap file header: format version 7.4 (a pcap file has 2.4)", result.StderrLines[0]);
        Assert.DoesNotContain("adapter", result.Stderr);
    }

    [Theory]
    [InlineData(12u, 0x1A2B3C4Du, "damaged pcapng section header: block length 12 (expected a multiple of 4 from 28 to 1048576)")]
    [InlineData(28u, 0x11223344u, "damaged pcapng section header: byte-order mark 0x11223344 (expected 0x1A2B3C4D in either byte order)")]
    public void ADamagedPcapNgSectionHeaderIsNamedInTheProjectsWords(uint blockLength, uint byteOrderMark, string expected)
    {
        using var dir = new TempDir();
        var bytes = new byte[28];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(bytes, 0x0A0D0D0A);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), blockLength);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(8), byteOrderMark);
        bytes[12] = 1;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(24), blockLength);
        File.WriteAllBytes(dir.File("bad.pcapng"), bytes);

        var result = CliRunner.Run(dir.Path, "analyze", "bad.pcapng");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: bad.pcapng: " + expected, result.StderrLines[0]);
    }

    [Fact]
    public void AnalyzeOfADirectoryTakesOnlyCapturesInsideIt()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.File("in"));
        WriteCapture(dir, "in/a.pcap", 2);
        WriteCapture(dir, "in/b.cap", 3);
        File.WriteAllText(dir.File("in/labels.csv"), "file,label\n");

        var result = CliRunner.Run(dir.Path, "analyze", "in");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("read 2 captures: 5 packets", result.Stderr);
    }

    [Fact]
    public void AnalyzeRefusesAnUnwritableOutputBeforeReadingAnything()
    {
        using var dir = new TempDir();
        var capture = WriteCapture(dir, "a.pcap", 1);

        var result = CliRunner.Run(dir.Path, "analyze", capture, "-o", "missing-dir/alerts.csv");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: missing-dir/alerts.csv: cannot create this output file: directory {Path.Combine(dir.Path, "missing-dir")} does not exist", result.StderrLines[0]);
        Assert.DoesNotContain("read 1 capture", result.Stderr);
    }

    [Fact]
    public void UsageErrorsExitWithTwo()
    {
        using var dir = new TempDir();

        Assert.Equal(2, CliRunner.Run(dir.Path, "analyze").ExitCode);
        Assert.Equal(2, CliRunner.Run(dir.Path, "frobnicate").ExitCode);
        Assert.Equal(2, CliRunner.Run(dir.Path, "analyze", "x.pcap", "--lan", "not-a-prefix").ExitCode);
    }
}
