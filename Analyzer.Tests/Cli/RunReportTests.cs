using Analyzer.Tests.Rules.Support;
using Analyzer.Tests.Support;

namespace Analyzer.Tests.Cli;

/// <summary>
/// What a run says at its end (every file written; alert occurrences and the rows that carry them) and the two
/// options that trim it: --quiet (errors and warnings only) and --min-severity (for every alert output).
/// </summary>
public class RunReportTests
{
    private static string Capture => Path.Combine(Repo.Samples, "demo-home-attacks.pcap");

    private static string[] Rows(TempDir dir, string file) => File.ReadAllLines(dir.File(file))[1..];

    [Fact]
    public void TheSummaryCountsOccurrencesAndRowsAndNamesEveryFileWritten()
    {
        using var dir = new TempDir();

        var result = CliRunner.Run(dir.Path, "analyze", Capture, "--no-model", "-o", "alerts.csv", "--events", "events.csv");

        Assert.Equal(0, result.ExitCode);
        var rows = Rows(dir, "alerts.csv");
        long occurrences = rows.Select(CsvLine.Split).Sum(r => long.Parse(r[11], System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(occurrences > rows.Length, "the capture has folded rows");
        Assert.Contains(result.StderrLines, l => l.StartsWith($"alerts: {occurrences} occurrences in {rows.Length} rows (", StringComparison.Ordinal));
        Assert.Equal("wrote: alerts.csv (--alerts), events.csv (--events)", result.StderrLines[^1]);
    }

    [Fact]
    public void QuietPrintsNothingButWritesTheSameAlerts()
    {
        using var dir = new TempDir();
        CliRunner.Run(dir.Path, "analyze", Capture, "--no-model", "-o", "loud.csv");

        var result = CliRunner.Run(dir.Path, "analyze", Capture, "--no-model", "-o", "quiet.csv", "-q");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
        Assert.Equal(File.ReadAllBytes(dir.File("loud.csv")), File.ReadAllBytes(dir.File("quiet.csv")));
    }

    [Fact]
    public void MinSeverityKeepsExactlyTheRowsAtOrAboveIt()
    {
        using var dir = new TempDir();
        CliRunner.Run(dir.Path, "analyze", Capture, "--no-model", "-o", "all.csv");

        var result = CliRunner.Run(dir.Path, "analyze", Capture, "--no-model", "-o", "high.csv", "--min-severity", "HIGH");

        Assert.Equal(0, result.ExitCode);
        var expected = Rows(dir, "all.csv").Where(r => CsvLine.Split(r)[3] is "high" or "critical").ToArray();
        Assert.NotEmpty(expected);
        Assert.True(expected.Length < Rows(dir, "all.csv").Length, "the capture has rows below high");
        Assert.Equal(expected, Rows(dir, "high.csv"));
        Assert.Contains(result.StderrLines, l => l.EndsWith($"; {Rows(dir, "all.csv").Length - expected.Length} rows below --min-severity not written", StringComparison.Ordinal));
    }
}
