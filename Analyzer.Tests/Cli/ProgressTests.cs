using Analyzer.Cli;

namespace Analyzer.Tests.Cli;

public class ProgressTests
{
    [Theory]
    [InlineData(true, 1500, true)]
    [InlineData(true, 1000, true)]
    [InlineData(true, 400, false)]
    [InlineData(false, 60_000, false)]
    public void TheLineIsShownOnlyAtATerminalAndAfterASecond(bool terminal, int elapsedMs, bool shown)
    {
        Assert.Equal(shown, ProgressPolicy.Show(terminal, TimeSpan.FromMilliseconds(elapsedMs)));
    }

    [Fact]
    public void TheLineShowsFilesPacketsBytesOfTheTotalRateAndTimeLeft()
    {
        var line = ProgressLine.Format(2, 3, 412_000, 48L * 1048576, 120L * 1048576, TimeSpan.FromSeconds(2));

        Assert.Equal("file 2/3  412,000 packets  48.0/120.0 MB 40%  24.0 MB/s  0:03 left", line);
    }

    [Fact]
    public void ReadBytesBeyondTheTotalCountAsDone()
    {
        var line = ProgressLine.Format(1, 1, 10, 2_000_000, 1_048_576, TimeSpan.FromSeconds(1));

        Assert.Equal("file 1/1  10 packets  1.0/1.0 MB 100%  1.0 MB/s  0:00 left", line);
    }

    [Theory]
    [InlineData(7, "0:07")]
    [InlineData(750, "12:30")]
    [InlineData(3723, "1:02:03")]
    public void TimeLeftIsWrittenAsAClock(int seconds, string text)
    {
        Assert.Equal(text, ProgressLine.Clock(TimeSpan.FromSeconds(seconds)));
    }

    [Fact]
    public void NoCallbackIsGivenWhenStderrIsNotATerminal()
    {
        var reporter = new ProgressReporter(["a.pcap"], stderrIsTerminal: false);

        Assert.Null(reporter.ForFile("a.pcap"));
    }

    [Fact]
    public void TheLineIsDrawnAfterASecondAndClearedAtTheEnd()
    {
        using var dir = new Support.TempDir();
        var file = dir.File("a.pcap");
        File.WriteAllBytes(file, new byte[2 * 1048576]);
        var elapsed = TimeSpan.FromMilliseconds(500);
        var output = new StringWriter();
        var reporter = new ProgressReporter([file], stderrIsTerminal: true, () => elapsed, output);
        var report = reporter.ForFile(file)!;

        report(1000, 500_000);
        Assert.Equal("", output.ToString());
        elapsed = TimeSpan.FromSeconds(2);
        report(2000, 1_048_576 - 32_000);
        reporter.Done();

        var line = "file 1/1  2,000 packets  1.0/2.0 MB 50%  0.5 MB/s  0:02 left";
        Assert.Equal("\r" + line + "\r" + new string(' ', line.Length) + "\r", output.ToString());
    }
}
