using System.Globalization;

namespace Analyzer.Decoding.Http;

/// <summary>
/// The parts of an absolute URL that matter here: scheme, host (IPv6 literals without brackets), port and path
/// (with query). <see cref="Port"/> is the scheme default when absent (80 for http, 443 for https, 0 otherwise)
/// and -1 when the text after the colon is not a port. Never throws.
/// </summary>
public readonly record struct HttpUrl(string Scheme, string Host, int Port, string Path)
{
    public static HttpUrl Parse(string url)
    {
        var rest = url.AsSpan().Trim();
        int scheme = rest.IndexOf("://");
        if (scheme < 0) return new HttpUrl("", "", 0, url);
        string schemeText = rest[..scheme].ToString();
        rest = rest[(scheme + 3)..];
        int end = rest.IndexOfAny('/', '?', '#');
        var authority = end < 0 ? rest : rest[..end];
        string path = end < 0 ? "" : rest[end..].ToString();
        int at = authority.LastIndexOf('@');
        if (at >= 0) authority = authority[(at + 1)..];

        ReadOnlySpan<char> host;
        ReadOnlySpan<char> portText = default;
        bool hasPort = false;
        if (authority.StartsWith("["))
        {
            int bracket = authority.IndexOf(']');
            host = bracket < 0 ? authority[1..] : authority[1..bracket];
            if (bracket >= 0 && bracket + 1 < authority.Length && authority[bracket + 1] == ':')
            {
                portText = authority[(bracket + 2)..];
                hasPort = true;
            }
        }
        else
        {
            int colon = authority.LastIndexOf(':');
            host = colon < 0 ? authority : authority[..colon];
            if (colon >= 0)
            {
                portText = authority[(colon + 1)..];
                hasPort = true;
            }
        }
        int port = schemeText.ToLowerInvariant() switch { "http" => 80, "https" => 443, _ => 0 };
        if (hasPort)
            port = int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out int p) && p <= 65535 ? p : -1;
        return new HttpUrl(schemeText, host.ToString(), port, path);
    }
}
