using System.Globalization;

namespace Analyzer.Decoding.Http;

/// <summary>
/// The parts of an absolute URL taken from a decoded header value (LOCATION, CALLBACK): the host as written,
/// the address when the host is an IP literal, the port and the path: what rules, the inventory and the banner
/// knowledge read of a decoded URL.
/// </summary>
public readonly record struct UrlParts(string Scheme, string Host, NetAddress? Address, int Port, string Path)
{
    /// <summary>
    /// Parses <c>scheme://host[:port][/path]</c>; an IPv6 literal is bracketed and may carry a zone (<c>%eth0</c>,
    /// <c>%25eth0</c>). False for anything else (no scheme, empty host, a port that is not 1–65535 digits).
    /// </summary>
    public static bool TryParse(string? text, out UrlParts url)
    {
        url = default;
        if (string.IsNullOrEmpty(text)) return false;
        var s = text.AsSpan().Trim();
        int schemeEnd = s.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0) return false;
        var scheme = s[..schemeEnd].ToString().ToLowerInvariant();
        var rest = s[(schemeEnd + 3)..];
        int pathStart = rest.IndexOfAny('/', '?', '#');
        var authority = pathStart < 0 ? rest : rest[..pathStart];
        string path = pathStart < 0 ? "/" : rest[pathStart..].ToString();
        int at = authority.LastIndexOf('@');
        if (at >= 0) authority = authority[(at + 1)..];

        ReadOnlySpan<char> host, portText = default;
        if (authority.StartsWith("["))
        {
            int close = authority.IndexOf(']');
            if (close < 0) return false;
            host = authority[1..close];
            var after = authority[(close + 1)..];
            if (after.Length > 0)
            {
                if (after[0] != ':') return false;
                portText = after[1..];
            }
        }
        else
        {
            int colon = authority.LastIndexOf(':');
            host = colon < 0 ? authority : authority[..colon];
            if (colon >= 0) portText = authority[(colon + 1)..];
        }
        if (host.IsEmpty) return false;

        int port = scheme == "https" ? 443 : 80;
        if (!portText.IsEmpty
            && (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535))
            return false;

        var addressText = host;
        int zone = addressText.IndexOf('%');
        if (zone >= 0) addressText = addressText[..zone];
        NetAddress? address = NetAddress.TryParse(addressText, out var a) && LooksLikeLiteral(addressText) ? a : null;
        url = new UrlParts(scheme, host.ToString(), address, port, path);
        return true;
    }

    // IPAddress.TryParse accepts "1" or "1.2" as IPv4 shorthands; a URL host like that is a name, not a literal.
    private static bool LooksLikeLiteral(ReadOnlySpan<char> host) =>
        host.Contains(':') || host.Count('.') == 3;
}
