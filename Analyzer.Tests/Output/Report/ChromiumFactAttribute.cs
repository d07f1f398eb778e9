namespace Analyzer.Tests.Output.Report;

/// <summary>A fact that is skipped, not failed, when Chromium is not installed.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Chromium.Path is null) Skip = "chromium is not installed (apt-get install chromium)";
    }
}
