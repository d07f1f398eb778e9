using System.Diagnostics;
using Analyzer.Tests.Support;

namespace Analyzer.Tests.Cli;

/// <summary>
/// The .NET-tool way of installing the sensor (README): `dotnet pack` gives a tool package whose command is
/// `analyzer` with the default model inside; installed into a tool path, it runs like the built program.
/// </summary>
public class DotnetToolTests
{
    private static (int Exit, string Stdout, string Stderr) Run(string program, string workingDirectory, IDictionary<string, string>? environment, params string[] args)
    {
        var psi = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var (k, v) in environment ?? new Dictionary<string, string>()) psi.Environment[k] = v;
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish within 5 minutes");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    [Fact]
    public void ThePackedToolInstallsAsAnalyzerWithItsModelAndAnalyzesLikeTheBuiltProgram()
    {
        using var dir = new TempDir();
        string configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}") ? "Debug" : "Release";
        string packages = Directory.CreateDirectory(dir.File("pkg")).FullName;
        // A package cache of its own: no stale copy of the same version from an earlier run, nothing left behind.
        var isolated = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Directory.CreateDirectory(dir.File("nuget")).FullName };

        var pack = Run("dotnet", Repo.Root, isolated, "pack", Path.Combine("Analyzer.Cli", "Analyzer.Cli.csproj"), "-c", configuration, "--no-build", "-nologo", "-o", packages);
        Assert.True(pack.Exit == 0, pack.Stdout + pack.Stderr);
        var install = Run("dotnet", dir.Path, isolated, "tool", "install", "--tool-path", dir.File("tools"), "--add-source", packages, "--ignore-failed-sources", "upnp-analyzer");
        Assert.True(install.Exit == 0, install.Stdout + install.Stderr);
        string tool = dir.File(Path.Combine("tools", "analyzer"));

        var version = Run(tool, dir.Path, null, "--version");
        Assert.Equal(0, version.Exit);
        // The version proper; what follows '+' is the commit the package was built from.
        Assert.Matches(@"^\d+\.\d+\.\d+", version.Stdout);
        Assert.Equal(CliRunner.Run(dir.Path, "--version").Stdout.Split('+')[0], version.Stdout.Split('+')[0]);

        var capture = Path.Combine(Repo.Samples, "callstranger.pcap");
        var installed = Run(tool, dir.Path, null, "analyze", capture, "-o", "tool.csv");
        var built = CliRunner.Run(dir.Path, "analyze", capture, "-o", "built.csv");
        Assert.True(installed.Exit == 0, installed.Stderr);
        Assert.DoesNotContain("no model", installed.Stderr);
        // The model inside the package scores the rule alerts (column 'score': the host's score so far).
        Assert.Contains(",1.6202,", File.ReadAllText(dir.File("tool.csv")));
        Assert.Equal(File.ReadAllBytes(dir.File("built.csv")), File.ReadAllBytes(dir.File("tool.csv")));
    }
}
