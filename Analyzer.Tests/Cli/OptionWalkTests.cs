using System.CommandLine;
using Analyzer.Tests.Support;

namespace Analyzer.Tests.Cli;

/// <summary>
/// Every option of every verb, taken from the command-line model, given a value it cannot take; every verb given an
/// unknown option and a misspelt one. Each is a usage error: exit code 2, one line on stderr that names the option,
/// no stack trace, nothing run and nothing written.
/// </summary>
public class OptionWalkTests
{
    public static TheoryData<string, string> EveryOption()
    {
        var data = new TheoryData<string, string>();
        foreach (var verb in CommandLineModel.Verbs)
            foreach (var option in CommandLineModel.Options(verb))
                data.Add(CommandLineModel.PathOf(verb), option.Name);
        return data;
    }

    public static TheoryData<string> EveryVerb()
    {
        var data = new TheoryData<string>();
        foreach (var verb in CommandLineModel.Verbs) data.Add(CommandLineModel.PathOf(verb));
        return data;
    }

    private static void AssertUsageErrorAndNothingWritten(TempDir dir, CliRunner.Result result, string expectedInLine)
    {
        Assert.True(result.ExitCode == 2, $"exit {result.ExitCode}; stderr:\n{result.Stderr}");
        var line = Assert.Single(result.StderrLines);
        Assert.StartsWith("error: ", line);
        Assert.Contains(expectedInLine, line);
        Assert.DoesNotContain(" at ", result.Stderr.Replace(line, ""));
        Assert.Equal([CommandLineModel.Capture], Directory.EnumerateFileSystemEntries(dir.Path).Select(Path.GetFileName));
    }

    [Theory]
    [MemberData(nameof(EveryOption))]
    public void AMalformedValueIsAOneLineUsageErrorNamingTheOption(string verbName, string optionName)
    {
        using var dir = new TempDir();
        CommandLineModel.PlaceCapture(dir);
        var verb = CommandLineModel.Verb(verbName);
        var option = CommandLineModel.Options(verb).Single(o => o.Name == optionName);
        var args = CommandLineModel.BaseArguments(verb, except: option);
        args.AddRange(CommandLineModel.Malformed(option));

        var result = CliRunner.Run(dir.Path, [.. args]);

        AssertUsageErrorAndNothingWritten(dir, result, optionName);
    }

    [Theory]
    [MemberData(nameof(EveryVerb))]
    public void AnUnknownOptionIsNamedWithTheClosestValidOne(string verbName)
    {
        using var dir = new TempDir();
        CommandLineModel.PlaceCapture(dir);
        var args = CommandLineModel.BaseArguments(CommandLineModel.Verb(verbName));
        args.Add("--bogus-option");

        var result = CliRunner.Run(dir.Path, [.. args]);

        AssertUsageErrorAndNothingWritten(dir, result, $"unknown option '--bogus-option' for 'analyzer {verbName}'; closest valid option: '--");
    }

    [Theory]
    [MemberData(nameof(EveryVerb))]
    public void AMisspeltOptionIsNamedWithTheOneMeant(string verbName)
    {
        using var dir = new TempDir();
        CommandLineModel.PlaceCapture(dir);
        var verb = CommandLineModel.Verb(verbName);
        // The verb's longest option with its last letter dropped (--events → --event), the typo users make.
        var meant = Analyzer.Cli.Usage.UnknownTokens.OptionNames(verb).Where(n => n.StartsWith("--")).OrderByDescending(n => n.Length).ThenBy(n => n, StringComparer.Ordinal).First();
        string typo = meant[..^1];
        var args = CommandLineModel.BaseArguments(verb);
        args.AddRange([typo, "x.csv"]);

        var result = CliRunner.Run(dir.Path, [.. args]);

        AssertUsageErrorAndNothingWritten(dir, result, $"unknown option '{typo}' for 'analyzer {verbName}'; closest valid option: '{meant}'");
    }

    [Fact]
    public void TheWalkCoversEveryVerbAndItsNumericOptions()
    {
        var walked = EveryOption().Select(row => $"{row[0]} {row[1]}").ToHashSet();
        Assert.Equal(["analyze", "sniff", "interfaces", "rules", "generate", "train", "report", "fleet report", "fleet replay"], CommandLineModel.Verbs.Select(CommandLineModel.PathOf));
        foreach (var expected in new[] { "analyze --jobs", "sniff --duration", "sniff --count", "sniff --status-interval", "sniff --write-pcap-max-mb", "train --window", "report --jobs", "fleet report --idle", "fleet replay --shard", "analyze --publish", "sniff --sensor-id" })
            Assert.Contains(expected, walked);
    }
}
