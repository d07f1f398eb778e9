using Analyzer.Cli.Commands.Generate;
using Analyzer.Labels;
using Analyzer.Generation.Scenarios;
using Analyzer.Tests.Support;

namespace Analyzer.Tests.Generation;

public class GenerateCommandTests
{
    private static (int Code, string Out, string Err) Run(GenerateOptions options)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = GenerateCommand.Run(options, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void ListPrintsOneLinePerScenario()
    {
        var (code, output, _) = Run(new GenerateOptions(null, [], 1, null, List: true));

        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(ScenarioCatalog.All.Count, lines.Length);
        Assert.All(ScenarioCatalog.All.Zip(lines), p => Assert.StartsWith(p.First.Name + " ", p.Second));
    }

    [Fact]
    public void AnUnknownScenarioIsAUsageErrorThatNamesTheValidOnesOnOneLine()
    {
        using var dir = new TempDir();
        var (code, _, error) = Run(new GenerateOptions(new DirectoryInfo(dir.Path), ["normal-discovery", "no-such"], 1, null, false));

        Assert.Equal(2, code);
        string line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("'no-such'", line);
        Assert.Contains("normal-discovery", line);
        Assert.Empty(Directory.GetFiles(dir.Path));
    }

    [Theory]
    [InlineData(null, "pcap")]
    [InlineData("out", "pcapx")]
    public void MissingOutOrAnUnknownFormatIsAUsageError(string? outDir, string format)
    {
        using var dir = new TempDir();
        var options = new GenerateOptions(outDir is null ? null : new DirectoryInfo(dir.File(outDir)), [], 1, format, false);

        Assert.Equal(2, Run(options).Code);
    }

    [Fact]
    public void ChosenScenariosAreWrittenWithTheirLabels()
    {
        using var dir = new TempDir();
        var (code, output, _) = Run(new GenerateOptions(new DirectoryInfo(dir.File("out")), ["callstranger", "normal-discovery"], 9,
            "pcapng", false));

        Assert.Equal(0, code);
        Assert.Contains("callstranger.pcapng", output);
        Assert.True(File.Exists(dir.File("out/normal-discovery.pcapng")));
        var rows = LabelsFile.Read(dir.File("out/labels.csv"));
        Assert.Equal(["callstranger.pcapng", "normal-discovery.pcapng"], rows.Where(r => r.IsWholeFile).Select(r => r.File));
    }

    [Fact]
    public void AnUnwritableOutputDirectoryIsAnInputError()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("file"), "");

        var (code, _, error) = Run(new GenerateOptions(new DirectoryInfo(dir.File("file/sub")), ["callstranger"], 1, null, false));

        Assert.Equal(1, code);
        Assert.StartsWith("error: ", error);
    }

    [Fact]
    public void TheProgramExitsWithTwoForAnUnknownScenario()
    {
        using var dir = new TempDir();
        var result = CliRunner.Run(dir.Path, "generate", "--out", dir.Path, "--scenario", "nope");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown scenario 'nope'", result.Stderr);
    }
}
