using Analyzer.Decoding;
using Analyzer.Output;
using Analyzer.Tests.Support;

namespace Analyzer.Tests.Output;

public class AlertWriterTests
{
    private static Alert Sample(string summary) => new()
    {
        TimestampUs = 1_773_478_800_123_456,
        Rule = "ssdp-overlong-field",
        Category = AlertCategory.ExploitAttempt,
        Severity = Severity.High,
        Src = NetAddress.Parse("203.0.113.9"),
        SrcPort = 4444,
        Dst = NetAddress.Parse("192.168.1.1"),
        DstPort = 1900,
        Protocol = "ssdp",
        Summary = summary,
        File = "x.pcap",
        Frame = 12,
    };

    private static string WriteOne(Alert alert)
    {
        using var dir = new TempDir();
        var path = dir.File("a.csv");
        using (var w = new AlertWriter(path)) w.OnAlert(alert);
        return File.ReadAllText(path);
    }

    [Fact]
    public void TheFirstElevenColumnsAreTheProductContract()
    {
        Assert.Equal(
            ["time", "rule", "category", "severity", "src_ip", "src_port", "dst_ip", "dst_port", "protocol", "summary", "score"],
            AlertRecords.Columns[..11]);
    }

    [Fact]
    public void AnAlertIsWrittenWithMicrosecondUtcTimeAndLowerCaseWords()
    {
        var text = WriteOne(Sample("USN value 400 bytes"));

        Assert.Equal(
            "time,rule,category,severity,src_ip,src_port,dst_ip,dst_port,protocol,summary,score,count,file,frame\n" +
            "2026-03-14T09:00:00.123456Z,ssdp-overlong-field,exploit-attempt,high,203.0.113.9,4444,192.168.1.1,1900,ssdp,USN value 400 bytes,,1,x.pcap,12\n",
            text);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\")", "\"'=HYPERLINK(\"\"http://evil\"\")\"")]
    [InlineData("+cmd|' /C calc'!A0", "\"'+cmd|' /C calc'!A0\"")]
    [InlineData("-2+3", "\"'-2+3\"")]
    [InlineData("@SUM(A1)", "\"'@SUM(A1)\"")]
    public void SummariesThatLookLikeFormulasCannotRunInASpreadsheet(string summary, string expectedCell)
    {
        var line = WriteOne(Sample(summary)).Split('\n')[1];

        Assert.Contains("ssdp," + expectedCell + ",,1,", line);
    }

    [Fact]
    public void ControlCharactersAreEscapedSoOneAlertIsOneLine()
    {
        var text = WriteOne(Sample("ST: a\r\nX-Injected: 1\u0000\u001b[31m"));

        Assert.Equal(3, text.Split('\n').Length);
        Assert.Contains(@"ST: a\x0D\x0AX-Injected: 1\x00\x1B[31m", text);
    }

    [Fact]
    public void CommasAndQuotesInSummariesAreQuotedPerRfc4180()
    {
        var line = WriteOne(Sample("desc \"a,b\"")).Split('\n')[1];

        Assert.Contains(",\"desc \"\"a,b\"\"\",", line);
    }
}
