namespace Analyzer.Tests.Output.Report;

/// <summary>The system's Chromium (Debian's chromium package), the only browser the tests drive; never downloaded.</summary>
internal static class Chromium
{
    public static readonly string? Path = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);
}
