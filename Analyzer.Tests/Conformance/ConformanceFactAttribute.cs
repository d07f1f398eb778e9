namespace Analyzer.Tests.Conformance;

/// <summary>A fact that is skipped, not failed, when the shared conformance corpus is not next to the repository.</summary>
public sealed class ConformanceFactAttribute : FactAttribute
{
    public ConformanceFactAttribute()
    {
        if (!Directory.Exists(Path.Combine(Support.Repo.Conformance, "pcaps"))) Skip = "the conformance corpus (../shared/conformance/pcaps) is absent";
    }
}
