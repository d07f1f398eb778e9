using System.Diagnostics;

namespace Analyzer.Tests.Generation;

/// <summary>Runs tshark when it is installed; tests that need it are skipped on machines without it.</summary>
internal static class Tshark
{
    public static readonly string? Path = Find("tshark");

    /// <summary>mergecap, installed with tshark by every Wireshark package; lets one tshark run check many files.</summary>
    public static readonly string? MergecapPath = Find("mergecap");

    public static string Run(params string[] args) => Execute(Path!, args);

    public static string Mergecap(params string[] args) => Execute(MergecapPath!, args);

    private static string Execute(string program, string[] args)
    {
        var psi = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in args) psi.ArgumentList.Add(arg);
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(1))) process.Kill(entireProcessTree: true);
        return stdout.Result;
    }

    private static string? Find(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator)
            .Select(dir => System.IO.Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);
}
