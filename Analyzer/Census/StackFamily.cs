using Analyzer.Rules.Banners;

namespace Analyzer.Census;

/// <summary>
/// The stack a device runs as the census names it. Tabulated stacks come from the banner parser
/// (<see cref="BannerParser"/>, through the inventory); a few widespread stacks that write no version-bearing product
/// token are told apart by a fixed marker in their banner (Windows' SSDP service, Broadcom's IGD) or by being a
/// Cast/DIAL receiver without another stack (Cast); anything else keeps the parser's product token, or is unknown.
/// </summary>
public static class StackFamily
{
    public const string WindowsSsdp = "Windows SSDP";
    public const string Broadcom = "Broadcom";
    public const string Cast = "Cast";
    public const string Unknown = "unknown";

    private static readonly Dictionary<string, string> KnownNames = new(StringComparer.Ordinal)
    {
        [KnownStacks.MiniUpnpd] = "MiniUPnPd",
        [KnownStacks.MiniUpnpc] = "MiniUPnPc",
        [KnownStacks.MiniSsdpd] = "MiniSSDPd",
        [KnownStacks.Libupnp] = "libupnp (Portable SDK)",
        [KnownStacks.IntelSdk] = "Intel UPnP SDK",
        [KnownStacks.HuaweiAtpIgd] = "Huawei ATP IGD",
        [KnownStacks.RealtekMiniigd] = "Realtek miniigd",
        [KnownStacks.EvilSsdp] = "evil-ssdp",
    };

    private static readonly (string Marker, string Family)[] BannerMarkers =
    [
        ("UPnP-Device-Host", WindowsSsdp),
        ("Microsoft-Windows", WindowsSsdp),
        ("BRCM", Broadcom),
        ("Broadcom", Broadcom),
    ];

    /// <summary>The display name of the stack of <paramref name="d"/>.</summary>
    public static string Of(InventoryEntry d, DeviceClass deviceClass)
    {
        if (KnownNames.TryGetValue(d.Stack, out var known)) return known;
        foreach (var banner in d.Servers.Concat(d.UserAgents))
            foreach (var (marker, family) in BannerMarkers)
                if (banner.Contains(marker, StringComparison.OrdinalIgnoreCase)) return family;
        if (deviceClass == DeviceClass.CastDial && d.Stack.Length == 0) return Cast;
        return d.Stack.Length > 0 ? d.Stack : Unknown;
    }
}
