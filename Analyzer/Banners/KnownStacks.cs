namespace Analyzer.Banners;

/// <summary>The stack names the banner parser recognizes (THREATS.md section 2), as written in outputs.</summary>
public static class KnownStacks
{
    public const string MiniUpnpd = "miniupnpd";
    public const string MiniUpnpc = "miniupnpc";
    public const string MiniSsdpd = "minissdpd";
    public const string Libupnp = "libupnp";
    public const string IntelSdk = "intel-upnp-sdk";
    public const string HuaweiAtpIgd = "huawei-atp-igd";
    /// <summary>Realtek SDK <c>miniigd</c>, known by where it serves its description, not by a banner.</summary>
    public const string RealtekMiniigd = "realtek-miniigd";
    /// <summary>The evil-ssdp attack tool's default banner.</summary>
    public const string EvilSsdp = "essdp";

    public static readonly IReadOnlySet<string> Names = new HashSet<string>(StringComparer.Ordinal)
    {
        MiniUpnpd, MiniUpnpc, MiniSsdpd, Libupnp, IntelSdk, HuaweiAtpIgd, RealtekMiniigd, EvilSsdp,
    };
}
