namespace Analyzer.Tests.Support;

/// <summary>A fact that writes to /dev/full (every write fails with "no space left"); skipped where there is none.</summary>
public sealed class DevFullFactAttribute : FactAttribute
{
    public DevFullFactAttribute()
    {
        if (!File.Exists("/dev/full")) Skip = "/dev/full is not available on this system";
    }
}
