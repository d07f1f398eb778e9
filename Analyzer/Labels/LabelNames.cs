namespace Analyzer.Labels;

/// <summary>
/// The words a label may be: <c>benign</c>, one alert category (CATEGORIES.md), or <c>mixed</c> for a whole capture
/// that holds attacks of several categories (its instance rows say which, where and when).
/// </summary>
public static class LabelNames
{
    public const string Benign = "benign";
    public const string Mixed = "mixed";

    public const string PortmapAbuse = "portmap-abuse";
    public const string WanExposure = "wan-exposure";
    public const string ReflectionDdos = "reflection-ddos";
    public const string ExploitAttempt = "exploit-attempt";
    public const string CallbackAbuse = "callback-abuse";
    public const string RogueCast = "rogue-cast";
    public const string RogueDevice = "rogue-device";
    public const string Recon = "recon";
    public const string VulnerableSoftware = "vulnerable-software";
    public const string Anomaly = "anomaly";

    public static IReadOnlyList<string> Categories { get; } =
    [
        PortmapAbuse, WanExposure, ReflectionDdos, ExploitAttempt, CallbackAbuse, RogueCast, RogueDevice, Recon,
        VulnerableSoftware, Anomaly,
    ];

    public static bool IsCategory(string label) => Categories.Contains(label, StringComparer.Ordinal);

    public static bool IsKnown(string label) => label is Benign or Mixed || IsCategory(label);
}
