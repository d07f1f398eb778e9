using Analyzer.Tests.Support;

namespace Analyzer.Tests.Cli;

/// <summary>Several captures analyzed in parallel give byte-for-byte the outputs of a serial run.</summary>
public class ParallelJobsTests
{
    private static readonly string[] Outputs = ["alerts.csv", "events.csv", "flows.csv", "mappings.csv", "devices.csv"];

    private static Dictionary<string, byte[]> Analyze(TempDir dir, string jobs)
    {
        var outDir = Directory.CreateDirectory(dir.File("j" + jobs)).FullName;
        var result = CliRunner.Run(outDir, "analyze", Repo.Samples, "--jobs", jobs, "--no-model",
            "-o", "alerts.csv", "--events", "events.csv", "--flows", "flows.csv", "--mappings", "mappings.csv", "--devices", "devices.csv");
        Assert.True(result.ExitCode == 0, result.Stderr);
        return Outputs.ToDictionary(o => o, o => File.ReadAllBytes(Path.Combine(outDir, o)));
    }

    [Fact]
    public void FourJobsWriteExactlyWhatOneJobWrites()
    {
        using var dir = new TempDir();

        var serial = Analyze(dir, "1");
        var parallel = Analyze(dir, "4");

        foreach (var name in Outputs) Assert.True(serial[name].AsSpan().SequenceEqual(parallel[name]), name + " differs");
        Assert.True(serial["alerts.csv"].Length > 1000, "the samples raise alerts");
        Assert.Contains("demo-home-attacks.pcap", System.Text.Encoding.UTF8.GetString(serial["events.csv"]));
    }

    [Fact]
    public void TwoOrThreeJobsOnOneCaptureWriteExactlyWhatOneJobWrites()
    {
        // One capture and two or three jobs: read, decoded and judged on three threads.
        using var dir = new TempDir();
        var capture = Path.Combine(Repo.Samples, "demo-home-attacks.pcap");

        Dictionary<string, byte[]> Run(string jobs)
        {
            var outDir = Directory.CreateDirectory(dir.File("one" + jobs)).FullName;
            var result = CliRunner.Run(outDir, "analyze", capture, "--jobs", jobs, "--no-model",
                "-o", "alerts.csv", "--events", "events.csv", "--flows", "flows.csv", "--mappings", "mappings.csv", "--devices", "devices.csv");
            Assert.True(result.ExitCode == 0, result.Stderr);
            return Outputs.ToDictionary(o => o, o => File.ReadAllBytes(Path.Combine(outDir, o)));
        }

        var serial = Run("1");
        var two = Run("2");
        var three = Run("3");

        foreach (var name in Outputs) Assert.True(serial[name].AsSpan().SequenceEqual(two[name]), name + " differs with 2 jobs");
        foreach (var name in Outputs) Assert.True(serial[name].AsSpan().SequenceEqual(three[name]), name + " differs with 3 jobs");
        Assert.True(serial["alerts.csv"].Length > 1000, "the capture raises alerts");
    }

    [DevFullFact]
    public void AWriterThatFailsEndsTheRunWithTheSameErrorWhateverTheJobs()
    {
        // The event log on a full disk: the judging side's writer fails at its first flush to the file.
        using var dir = new TempDir();
        var capture = Path.Combine(Repo.Samples, "demo-home-attacks.pcap");

        (CliRunner.Result Result, string Alerts, string Flows) Run(string jobs)
        {
            var outDir = Directory.CreateDirectory(dir.File("full" + jobs)).FullName;
            var result = CliRunner.Run(outDir, "analyze", capture, "--jobs", jobs, "--no-model", "-q",
                "-o", "alerts.csv", "--flows", "flows.csv", "--events", "/dev/full");
            return (result, File.ReadAllText(Path.Combine(outDir, "alerts.csv")), File.ReadAllText(Path.Combine(outDir, "flows.csv")));
        }

        var one = Run("1");
        var three = Run("3");

        Assert.Equal(1, one.Result.ExitCode);
        Assert.Equal(["error: No space left on device : '/dev/full'"], one.Result.StderrLines);
        Assert.Equal(one.Result.ExitCode, three.Result.ExitCode);
        Assert.Equal(one.Result.StderrLines, three.Result.StderrLines);
        Assert.Equal(one.Alerts, three.Alerts);
        Assert.Equal(one.Flows, three.Flows);
    }
}
