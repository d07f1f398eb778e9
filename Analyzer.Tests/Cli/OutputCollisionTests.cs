using Analyzer.Tests.Support;

namespace Analyzer.Tests.Cli;

/// <summary>
/// Outputs that would destroy the evidence or each other are refused before any file is opened for writing: exit
/// code 2, one line naming both paths, the capture's bytes and time stamp unchanged, no other file created.
/// </summary>
public class OutputCollisionTests
{
    private static readonly DateTime Stamp = new(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc);

    /// <summary>A directory holding captures/x.pcap with a known time stamp.</summary>
    private static (TempDir Dir, byte[] Bytes) Evidence()
    {
        var dir = new TempDir();
        Directory.CreateDirectory(dir.File("captures"));
        File.Copy(Path.Combine(Repo.Samples, "cast-port-exposure.pcap"), dir.File("captures/x.pcap"));
        File.SetLastWriteTimeUtc(dir.File("captures/x.pcap"), Stamp);
        return (dir, File.ReadAllBytes(dir.File("captures/x.pcap")));
    }

    /// <summary>.NET has no call for a hard link; ln(1) makes one.</summary>
    private static void HardLink(string target, string link)
    {
        var psi = new System.Diagnostics.ProcessStartInfo("ln") { UseShellExecute = false };
        psi.ArgumentList.Add(target);
        psi.ArgumentList.Add(link);
        using var process = System.Diagnostics.Process.Start(psi)!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }

    private static void AssertRefusedAndUntouched(TempDir dir, byte[] bytes, CliRunner.Result result, string expected, params string[] entries)
    {
        Assert.True(result.ExitCode == 2, $"exit {result.ExitCode}; stderr:\n{result.Stderr}");
        Assert.Equal([expected], result.StderrLines);
        Assert.Equal(bytes, File.ReadAllBytes(dir.File("captures/x.pcap")));
        Assert.Equal(Stamp, File.GetLastWriteTimeUtc(dir.File("captures/x.pcap")));
        Assert.Equal(entries.Order(StringComparer.Ordinal),
            Directory.EnumerateFileSystemEntries(dir.Path, "*", SearchOption.AllDirectories)
                .Select(e => Path.GetRelativePath(dir.Path, e)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AnOutputOnTheInputCaptureIsRefused()
    {
        var (dir, bytes) = Evidence();
        using var _ = dir;

        var result = CliRunner.Run(dir.Path, "analyze", "captures/x.pcap", "-o", "captures/x.pcap");

        AssertRefusedAndUntouched(dir, bytes, result,
            "error: --alerts 'captures/x.pcap' is the input capture 'captures/x.pcap'; refusing to write over it", "captures", "captures/x.pcap");
    }

    [Fact]
    public void AnOutputThatIsAHardLinkOfTheInputIsRefused()
    {
        var (dir, bytes) = Evidence();
        using var _ = dir;
        HardLink(dir.File("captures/x.pcap"), dir.File("same.csv"));

        var result = CliRunner.Run(dir.Path, "analyze", "captures/x.pcap", "--events", "same.csv");

        AssertRefusedAndUntouched(dir, bytes, result,
            "error: --events 'same.csv' is the input capture 'captures/x.pcap'; refusing to write over it", "captures", "captures/x.pcap", "same.csv");
    }

    [Fact]
    public void AnOutputThatIsASymbolicLinkToTheInputIsRefused()
    {
        var (dir, bytes) = Evidence();
        using var _ = dir;
        File.CreateSymbolicLink(dir.File("link.csv"), dir.File("captures/x.pcap"));

        var result = CliRunner.Run(dir.Path, "analyze", "captures/x.pcap", "--flows", "link.csv");

        AssertRefusedAndUntouched(dir, bytes, result,
            "error: --flows 'link.csv' is the input capture 'captures/x.pcap'; refusing to write over it", "captures", "captures/x.pcap", "link.csv");
    }

    [Fact]
    public void AnOutputOnACaptureInsideAnAnalyzedFolderIsRefused()
    {
        var (dir, bytes) = Evidence();
        using var _ = dir;

        var result = CliRunner.Run(dir.Path, "analyze", "captures", "--devices", "captures/x.pcap");

        AssertRefusedAndUntouched(dir, bytes, result,
            $"error: --devices 'captures/x.pcap' is the input capture '{Path.Combine("captures", "x.pcap")}'; refusing to write over it", "captures", "captures/x.pcap");
    }

    [Fact]
    public void AnOutputReachedThroughALinkedFolderIsRefused()
    {
        var (dir, bytes) = Evidence();
        using var _ = dir;
        Directory.CreateSymbolicLink(dir.File("alias"), dir.File("captures"));

        var result = CliRunner.Run(dir.Path, "analyze", "captures", "--mappings", "alias/x.pcap");

        AssertRefusedAndUntouched(dir, bytes, result,
            $"error: --mappings 'alias/x.pcap' is the input capture '{Path.Combine("captures", "x.pcap")}'; refusing to write over it", "alias", "alias/x.pcap", "captures", "captures/x.pcap");
    }

    [Fact]
    public void TwoOutputsOnOneFileAreRefused()
    {
        var (dir, bytes) = Evidence();
        using var _ = dir;

        var result = CliRunner.Run(dir.Path, "analyze", "captures/x.pcap", "-o", "a.csv", "--events", "./a.csv");

        AssertRefusedAndUntouched(dir, bytes, result,
            "error: --alerts 'a.csv' and --events './a.csv' are the same file; give each output its own file", "captures", "captures/x.pcap");
    }

    [Fact]
    public void TwoOutputsOnStandardOutputAreRefused()
    {
        var (dir, bytes) = Evidence();
        using var _ = dir;

        var result = CliRunner.Run(dir.Path, "analyze", "captures/x.pcap", "-o", "-", "--events", "-");

        AssertRefusedAndUntouched(dir, bytes, result,
            "error: --alerts and --events both write to standard output ('-'); at most one output may use it", "captures", "captures/x.pcap");
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public void AnOutputOnTheConfigurationFileIsRefused()
    {
        var (dir, bytes) = Evidence();
        using var _ = dir;
        File.WriteAllText(dir.File("sensor.yaml"), "network:\n  lan: [192.168.0.0/16]\n");

        var result = CliRunner.Run(dir.Path, "analyze", "captures/x.pcap", "-c", "sensor.yaml", "-o", "sensor.yaml");

        AssertRefusedAndUntouched(dir, bytes, result,
            "error: --alerts 'sensor.yaml' is the configuration file 'sensor.yaml'; refusing to write over it", "captures", "captures/x.pcap", "sensor.yaml");
        Assert.Equal("network:\n  lan: [192.168.0.0/16]\n", File.ReadAllText(dir.File("sensor.yaml")));
    }

    [Fact]
    public void TrainingRefusesToWriteTheModelOverItsLabels()
    {
        var (dir, bytes) = Evidence();
        using var _ = dir;
        File.WriteAllText(dir.File("labels.csv"), "file,label,scenario,attacker,victim,start,end,note\ncaptures/x.pcap,benign,cast-port-exposure,,,,,\n");
        var labels = File.ReadAllBytes(dir.File("labels.csv"));

        var result = CliRunner.Run(dir.Path, "train", "--labels", "labels.csv", "--out", "labels.csv");

        AssertRefusedAndUntouched(dir, bytes, result,
            "error: --out 'labels.csv' is the labels file 'labels.csv'; refusing to write over it", "captures", "captures/x.pcap", "labels.csv");
        Assert.Equal(labels, File.ReadAllBytes(dir.File("labels.csv")));
    }
}
