using Analyzer.Tests.Support;

namespace Analyzer.Tests.Cli;

public class ReportCommandTests
{
    private static readonly string Demo = Path.Combine(Repo.Samples, "demo-home-attacks.pcap");

    [Fact]
    public void TheDemoCapturePrintsTheCensusTables()
    {
        using var dir = new TempDir();
        var run = CliRunner.Run(dir.Path, "report", Demo, "--no-model");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("  hosts seen (LAN): 14   UPnP-family devices: 14   outdated or vulnerable: 5   with CVEs: 3", run.Stdout);
        Assert.Contains("  gateway                      2   14.3%         1          1", run.Stdout);
        Assert.Contains("  MiniUPnPd               1.0             1  2.3.11 (2026-04)  yes", run.Stdout);
        Assert.Contains("Port mappings open at the end (3; 2 expose a sensitive port, 3 an outside client)", run.Stdout);
        Assert.Empty(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void TheFilesOfAnEarlierRunGiveTheSameReportAsTheCapture()
    {
        using var dir = new TempDir();
        var analyze = CliRunner.Run(dir.Path, "analyze", Demo, "--no-model", "-o", "a.csv", "--devices", "d.csv", "--mappings", "m.csv",
            "--events", "e.csv", "--flows", "f.csv", "--all-flows");
        Assert.Equal(0, analyze.ExitCode);

        var fromFiles = CliRunner.Run(dir.Path, "report", "--devices", "d.csv", "--alerts", "a.csv", "--mappings", "m.csv", "--events", "e.csv", "--flows", "f.csv");
        var fromCapture = CliRunner.Run(dir.Path, "report", Demo, "--no-model");

        Assert.Equal(0, fromFiles.ExitCode);
        Assert.Equal(fromCapture.Stdout.Split('\n')[1..], fromFiles.Stdout.Split('\n')[1..]);
        Assert.StartsWith("UPnP census of earlier run: d.csv\n", fromFiles.Stdout);
    }

    [Fact]
    public void CapturesAndAnEarlierRunTogetherAreAUsageError()
    {
        using var dir = new TempDir();
        var run = CliRunner.Run(dir.Path, "report", Demo, "--devices", "d.csv");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error: report: give captures or the files of an earlier run (--devices, --alerts, ...), not both", run.StderrLines);
    }

    [Fact]
    public void NeitherCapturesNorDevicesIsAUsageError()
    {
        using var dir = new TempDir();
        var run = CliRunner.Run(dir.Path, "report", "--alerts", "a.csv");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error: report: give captures to analyze, or --devices FILE (with --alerts, --mappings, --events, --flows) of an earlier run", run.StderrLines);
    }

    [Fact]
    public void AFileThatIsNotADevicesFileFailsWithOneLine()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("d.csv"), "time,rule\n2026-01-01T00:00:00.000000Z,x\n");
        var run = CliRunner.Run(dir.Path, "report", "--devices", "d.csv");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["error: d.csv: no 'ip' column: not a devices file written by analyze"], run.StderrLines);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void AMissingFileFailsWithOneLine()
    {
        using var dir = new TempDir();
        var run = CliRunner.Run(dir.Path, "report", "--devices", "nothing.csv");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["error: nothing.csv: no such file"], run.StderrLines);
    }

    [Fact]
    public void TheHtmlPageNeverOverwritesAnInput()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("d.csv"), "ip\n");
        var run = CliRunner.Run(dir.Path, "report", "--devices", "d.csv", "--html", "d.csv");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["error: --html 'd.csv' is --devices 'd.csv'; refusing to write over it"], run.StderrLines);
        Assert.Equal("ip\n", File.ReadAllText(dir.File("d.csv")));
    }

    [Fact]
    public void DeviceTextIsEscapedInTheTerminalAndInThePage()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("d.csv"),
            "ip,stack,stack_version,server,friendly_name,cves\n192.168.1.5,libupnp,1.6.6,\"Portable SDK for UPnP devices/1.6.6\",\"<i>x</i>\u001b[2J\",CVE-2012-5958\n");
        var run = CliRunner.Run(dir.Path, "report", "--devices", "d.csv", "--html", "r.html");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("<i>x</i>\\x1B[2J", run.Stdout);
        Assert.DoesNotContain("\u001b", run.Stdout);
        var page = File.ReadAllText(dir.File("r.html"));
        Assert.Contains("&lt;i&gt;x&lt;/i&gt;", page);
        Assert.DoesNotContain("<i>x", page);
    }
}
