namespace Analyzer.Tests.Support;

/// <summary>Paths of the repository (samples) and of the shared conformance corpus next to it.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Samples => Path.Combine(Root, "samples", "pcaps");

    /// <summary>../shared/conformance, present on the development machine and in CI.</summary>
    public static string Conformance => Path.GetFullPath(Path.Combine(Root, "..", "shared", "conformance"));

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Analyzer.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Analyzer.sln not found above " + AppContext.BaseDirectory);
    }
}
