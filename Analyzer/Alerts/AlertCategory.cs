namespace Analyzer.Alerts;

/// <summary>The alert categories of CATEGORIES.md; <see cref="AlertCategoryNames"/> gives their words.</summary>
public enum AlertCategory : byte
{
    PortmapAbuse,
    WanExposure,
    ReflectionDdos,
    ExploitAttempt,
    CallbackAbuse,
    RogueCast,
    RogueDevice,
    Recon,
    VulnerableSoftware,
    Anomaly,
}
