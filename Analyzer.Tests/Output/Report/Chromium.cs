namespace Analyzer.Tests.Output.Report;

/// <summary>The system's Chromium (Debian's chromium package), the only browser the tests drive; never downloaded.</summary>
internal static class Chromium
{
    public static readonly string? Path = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);
}

/// <summary>A fact that is skipped, not failed, when Chromium is not installed.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Chromium.Path is null) Skip = "chromium is not installed (apt-get install chromium)";
    }
}
