using Analyzer.Output;

namespace Analyzer.Tests.Rules.Support;

public static class AlertAssert
{
    /// <summary>Fails listing every alert when there is any.</summary>
    public static void None(IEnumerable<Alert> alerts)
    {
        var list = alerts.ToList();
        Assert.True(list.Count == 0, "expected no alert, got:\n" + string.Join("\n", list.Select(a => $"{a.Rule} {a.Src}->{a.Dst}: {a.Summary}")));
    }

    /// <summary>The only rule that fired is <paramref name="rule"/>; returns its alerts.</summary>
    public static List<Alert> Only(IEnumerable<Alert> alerts, string rule)
    {
        var list = alerts.ToList();
        Assert.True(list.Count > 0 && list.All(a => a.Rule == rule),
            $"expected only {rule}, got:\n" + string.Join("\n", list.Select(a => $"{a.Rule} {a.Src}->{a.Dst}: {a.Summary}")));
        return list;
    }
}
