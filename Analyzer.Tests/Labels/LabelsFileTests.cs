using Analyzer.Labels;

namespace Analyzer.Tests.Labels;

public class LabelsFileTests
{
    private static readonly LabelRow[] Rows =
    [
        new("upnproxy.pcap", "portmap-abuse", "upnproxy", Note: "link=vlan:10 tcp=Split"),
        new("upnproxy.pcap", "portmap-abuse", "upnproxy", "198.51.100.23", "203.0.113.4",
            new DateTime(2026, 3, 14, 9, 0, 1, DateTimeKind.Utc).AddTicks(2_345_670),
            new DateTime(2026, 3, 14, 9, 0, 2, DateTimeKind.Utc).AddTicks(10),
            "igd-map-nonlan-client; NewInternalClient 192.0.2.9, \"permanent\""),
        new("home.pcapng", "benign"),
    ];

    [Fact]
    public void RowsSurviveAWriteAndAReadUnchanged()
    {
        var text = new StringWriter();
        LabelsFile.Write(text, Rows);

        var read = LabelsFile.Read(new StringReader(text.ToString()));

        Assert.Equal(Rows, read);
    }

    [Fact]
    public void WrittenFilesStartWithTheHeaderAndUseIsoTimesWithMicroseconds()
    {
        var text = new StringWriter();
        LabelsFile.Write(text, Rows);
        var lines = text.ToString().Split('\n');

        Assert.Equal("file,label,scenario,attacker,victim,start,end,note", lines[0]);
        Assert.Equal("upnproxy.pcap,portmap-abuse,upnproxy,198.51.100.23,203.0.113.4,2026-03-14T09:00:01.234567Z," +
            "2026-03-14T09:00:02.000001Z,\"igd-map-nonlan-client; NewInternalClient 192.0.2.9, \"\"permanent\"\"\"", lines[2]);
    }

    [Fact]
    public void AHandMadeFileWithOnlyFileAndLabelIsEnough()
    {
        const string text = "# my own captures\nLabel,File\r\nbenign,living-room.pcap\r\n\r\nrecon,scan.pcapng\r\n";

        var rows = LabelsFile.Read(new StringReader(text));

        Assert.Equal([new LabelRow("living-room.pcap", "benign"), new LabelRow("scan.pcapng", "recon")], rows);
        Assert.All(rows, r => Assert.True(r.IsWholeFile));
    }

    [Fact]
    public void TimesWithOffsetsOrFewerDigitsAreReadAsUtc()
    {
        var rows = LabelsFile.Read(new StringReader("file,label,start,end\na.pcap,recon,2026-03-14T10:00:00+01:00,2026-03-14T09:00:05.5Z\n"));

        Assert.Equal(new DateTime(2026, 3, 14, 9, 0, 0, DateTimeKind.Utc), rows[0].Start);
        Assert.Equal(DateTimeKind.Utc, rows[0].Start!.Value.Kind);
        Assert.Equal(new DateTime(2026, 3, 14, 9, 0, 5, 500, DateTimeKind.Utc), rows[0].End);
    }

    [Fact]
    public void ThreatIsTheNoteUpToTheFirstSemicolon()
    {
        Assert.Equal("igd-map-nonlan-client", Rows[1].Threat);
        Assert.Equal("", Rows[2].Threat);
    }

    [Theory]
    [InlineData("", 1, "no header line")]
    [InlineData("name,kind\na,b\n", 1, "'file' and 'label'")]
    [InlineData("file,label,file\n", 1, "appears twice")]
    [InlineData("file,label\na.pcap,attack\n", 2, "unknown label 'attack'")]
    [InlineData("file,label\n,benign\n", 2, "empty file name")]
    [InlineData("file,label,start\na.pcap,recon,yesterday\n", 2, "not an ISO-8601 time")]
    [InlineData("file,label,start,end\na.pcap,recon,2026-03-14T09:00:05Z,2026-03-14T09:00:01Z\n", 2, "start is after end")]
    [InlineData("file,label,note\na.pcap,recon,\"open\n", 2, "unterminated quoted field")]
    [InlineData("file,label,note\na.pcap,recon,\"x\"y\n", 2, "text after a closing quote")]
    public void MalformedFilesAreRejectedWithTheLineOfTheProblem(string text, int line, string message)
    {
        var error = Assert.Throws<LabelsFormatException>(() => LabelsFile.Read(new StringReader(text)));

        Assert.Equal(line, error.Line);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void QuotedFieldsMayHoldLineBreaks()
    {
        var rows = LabelsFile.Read(new StringReader("file,label,note\na.pcap,recon,\"two\nlines\"\nb.pcap,benign,\n"));

        Assert.Equal("two\nlines", rows[0].Note);
        Assert.Equal("b.pcap", rows[1].File);
    }
}
