using Analyzer.Rules.Banners;

namespace Analyzer.Rules.Soap;

/// <summary>
/// Whether a control request's User-Agent is a UPnP control-point library. UDA 1.0 §3.2.1 has control points send
/// <c>OS/version UPnP/1.x product/version</c>, and the libraries do: miniupnpc (<c>upnpc</c>), libupnp, Windows'
/// NAT traversal API (<c>Microsoft-Windows/10.0 UPnP/1.0</c>, XP's <c>Mozilla/4.0 (compatible; UPnP/1.0; Windows 9x)</c>),
/// Cling, GUPnP. curl, python-requests, Go's default client, scanners and a missing header are not.
/// </summary>
public static class UpnpClientAgent
{
    public static bool IsUpnpLibrary(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent)) return false;
        if (userAgent.Contains("UPnP/", StringComparison.OrdinalIgnoreCase)) return true;
        return BannerParser.Parse(userAgent) is { IsKnown: true, Stack: not KnownStacks.EvilSsdp };
    }
}
