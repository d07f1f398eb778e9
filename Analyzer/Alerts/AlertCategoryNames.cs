namespace Analyzer.Alerts;

public static class AlertCategoryNames
{
    public static string Name(this AlertCategory category) => category switch
    {
        AlertCategory.PortmapAbuse => "portmap-abuse",
        AlertCategory.WanExposure => "wan-exposure",
        AlertCategory.ReflectionDdos => "reflection-ddos",
        AlertCategory.ExploitAttempt => "exploit-attempt",
        AlertCategory.CallbackAbuse => "callback-abuse",
        AlertCategory.RogueCast => "rogue-cast",
        AlertCategory.RogueDevice => "rogue-device",
        AlertCategory.Recon => "recon",
        AlertCategory.VulnerableSoftware => "vulnerable-software",
        AlertCategory.Anomaly => "anomaly",
        _ => throw new ArgumentOutOfRangeException(nameof(category)),
    };

    public static bool TryParse(string word, out AlertCategory category)
    {
        foreach (var c in Enum.GetValues<AlertCategory>())
            if (c.Name() == word) { category = c; return true; }
        category = default;
        return false;
    }
}
