using System.Text.Json;
using Analyzer.Tests.Support;

namespace Analyzer.Tests.Cli;

public class OutputFormatCliTests
{
    private static string Sample(string name) => Path.Combine(Repo.Samples, name);

    [Fact]
    public void FormatJsonlWritesAlertsAsJsonLinesToAlertsJsonlByDefault()
    {
        using var dir = new TempDir();

        var result = CliRunner.Run(dir.Path, "analyze", Sample("natpmp-from-wan.pcap"), "--format", "jsonl", "--no-model");

        Assert.Equal(0, result.ExitCode);
        Assert.False(File.Exists(dir.File("alerts.csv")));
        var lines = File.ReadAllLines(dir.File("alerts.jsonl"));
        Assert.NotEmpty(lines);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal("alert", first.RootElement.GetProperty("event_type").GetString());
        Assert.Equal("natpmp-from-wan", first.RootElement.GetProperty("alert").GetProperty("rule").GetString());
    }

    [Fact]
    public void AnUnknownFormatIsAUsageError()
    {
        using var dir = new TempDir();

        var result = CliRunner.Run(dir.Path, "analyze", Sample("natpmp-from-wan.pcap"), "--format", "xml");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--format: 'xml' is not one of csv, jsonl", result.Stderr);
    }

    [Fact]
    public void AnEvidencePathThatIsAFileIsOneLineAndExitCodeOne()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("taken"), "x");

        var result = CliRunner.Run(dir.Path, "analyze", Sample("natpmp-from-wan.pcap"), "--evidence", "taken");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: --evidence taken: is a file, not a directory", result.StderrLines[0]);
    }
}
