using Analyzer.Decoding.Http;

namespace Analyzer.Banners;

/// <summary>
/// Realtek SDK <c>miniigd</c> (CVE-2014-8361) names no version in its banners: it is known by the port and paths
/// where it serves its description.
/// </summary>
public static class RealtekMiniigd
{
    public const int Port = 52869;

    private static readonly string[] DescriptionPaths = ["/picdesc.xml", "/wanipcn.xml", "/simplecfg.xml"];

    /// <summary>A description URL on miniigd's port and one of its paths; the host when it is an IP literal.</summary>
    public static bool IsDescriptionLocation(string? location, out NetAddress? host)
    {
        host = null;
        // Cheap test first: nearly every LOCATION is on another port.
        if (location is null || !location.Contains(":52869", StringComparison.Ordinal)) return false;
        if (!UrlParts.TryParse(location, out var url) || url.Port != Port) return false;
        foreach (var path in DescriptionPaths)
            if (url.Path.StartsWith(path, StringComparison.OrdinalIgnoreCase))
            {
                host = url.Address;
                return true;
            }
        return false;
    }
}
