namespace Analyzer.Tests.Generation;

/// <summary>A fact that is skipped, not failed, when tshark is not installed.</summary>
public sealed class TsharkFactAttribute : FactAttribute
{
    public TsharkFactAttribute()
    {
        if (Tshark.Path is null) Skip = "tshark is not installed";
    }
}
