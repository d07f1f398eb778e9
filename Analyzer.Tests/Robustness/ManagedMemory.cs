namespace Analyzer.Tests.Robustness;

/// <summary>Managed heap size after full collections: what a test's state really holds.</summary>
public static class ManagedMemory
{
    public static long Live()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
