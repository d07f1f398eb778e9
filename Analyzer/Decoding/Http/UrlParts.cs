using System.Globalization;

namespace Analyzer.Decoding.Http;

/// <summary>
/// The parts of an absolute URL taken from a decoded header value (LOCATION, CALLBACK, Application-URL): scheme,
/// host as written (IPv6 literals without brackets, userinfo dropped), port and path with query. The one URL parser
/// of the analyzer, with two readings: <see cref="TryParse"/> refuses what is not a well-formed absolute URL (what
/// rules, the inventory and the banner knowledge act on); <see cref="Read"/> never fails and keeps what it can (what
/// decoders record of hostile headers, and what features count).
/// </summary>
public readonly record struct UrlParts(string Scheme, string Host, int Port, string Path)
{
    /// <summary>The host as an IP address when it is an IP literal (an IPv6 zone, <c>%eth0</c> or <c>%25eth0</c>, dropped).</summary>
    public NetAddress? Address => LiteralAddress(Host);

    // One message's LOCATION is read by several rules, the network learner and the model, one after the other:
    // the last text parsed (the same string object) and its result are kept, per thread, for the next reader.
    [ThreadStatic] private static string? t_lastParsed;
    [ThreadStatic] private static bool t_lastParsedOk;
    [ThreadStatic] private static UrlParts t_lastUrl;
    [ThreadStatic] private static string? t_lastRead;
    [ThreadStatic] private static UrlParts t_lastReadUrl;
    [ThreadStatic] private static string? t_lastHost;
    [ThreadStatic] private static NetAddress? t_lastAddress;

    /// <summary>A URL host as an IP address when it is an IP literal (IPv6 without brackets, zone dropped).</summary>
    public static NetAddress? LiteralAddress(string host)
    {
        if (ReferenceEquals(host, t_lastHost)) return t_lastAddress;
        var address = ParseLiteral(host);
        t_lastHost = host;
        t_lastAddress = address;
        return address;
    }

    private static NetAddress? ParseLiteral(string host)
    {
        var text = host.AsSpan();
        int zone = text.IndexOf('%');
        if (zone >= 0) text = text[..zone];
        return LooksLikeLiteral(text) && NetAddress.TryParse(text, out var a) ? a : null;
    }

    /// <summary>
    /// Parses <c>scheme://[userinfo@]host[:port][/path]</c>; an IPv6 literal is bracketed and may carry a zone. The
    /// scheme is lower-cased, the port defaults to 443 for https and 80 otherwise, the path to "/". False for
    /// anything else (no scheme, empty host, an unclosed bracket or junk after it, a port that is not 1–65535 digits).
    /// </summary>
    public static bool TryParse(string? text, out UrlParts url)
    {
        if (text is not null && ReferenceEquals(text, t_lastParsed))
        {
            url = t_lastUrl;
            return t_lastParsedOk;
        }
        bool ok = Parse(text, out url);
        if (text is not null)
        {
            t_lastParsed = text;
            t_lastParsedOk = ok;
            t_lastUrl = url;
        }
        return ok;
    }

    private static bool Parse(string? text, out UrlParts url)
    {
        url = default;
        if (string.IsNullOrEmpty(text)) return false;
        if (!Split(text.AsSpan().Trim(), out var s) || s.Scheme.IsEmpty) return false;
        if (s.UnclosedBracket || s.JunkAfterBracket || s.Host.IsEmpty) return false;
        var scheme = s.Scheme.ToString().ToLowerInvariant();
        int port = scheme == "https" ? 443 : 80;
        if (!s.PortText.IsEmpty
            && (!int.TryParse(s.PortText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535))
            return false;
        url = new UrlParts(scheme, s.Host.ToString(), port, s.Path.IsEmpty ? "/" : s.Path.ToString());
        return true;
    }

    /// <summary>
    /// Reads any text as leniently as it can: without "://" the whole text is the path and the host is empty; an
    /// unclosed bracket takes the rest of the authority as host. The scheme stays as written; the port is the
    /// scheme default (80 http, 443 https, 0 otherwise) when absent and -1 when the text after the colon is not a
    /// port (0–65535 digits); the path is empty when absent.
    /// </summary>
    public static UrlParts Read(string text)
    {
        if (ReferenceEquals(text, t_lastRead)) return t_lastReadUrl;
        var url = ReadUncached(text);
        t_lastRead = text;
        t_lastReadUrl = url;
        return url;
    }

    private static UrlParts ReadUncached(string text)
    {
        if (!Split(text.AsSpan().Trim(), out var s)) return new UrlParts("", "", 0, text);
        string scheme = s.Scheme.ToString();
        int port = scheme.ToLowerInvariant() switch { "http" => 80, "https" => 443, _ => 0 };
        if (s.HasPort)
            port = int.TryParse(s.PortText, NumberStyles.None, CultureInfo.InvariantCulture, out int p) && p <= 65535 ? p : -1;
        return new UrlParts(scheme, s.Host.ToString(), port, s.Path.ToString());
    }

    private ref struct Pieces
    {
        public ReadOnlySpan<char> Scheme, Host, PortText, Path;
        public bool HasPort, UnclosedBracket, JunkAfterBracket;
    }

    // The split both readings share: scheme, authority (userinfo dropped, last ':' outside brackets starts the port),
    // path from the first '/', '?' or '#'. False when there is no "://".
    private static bool Split(ReadOnlySpan<char> s, out Pieces pieces)
    {
        pieces = default;
        int schemeEnd = s.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0) return false;
        pieces.Scheme = s[..schemeEnd];
        var rest = s[(schemeEnd + 3)..];
        int pathStart = rest.IndexOfAny('/', '?', '#');
        var authority = pathStart < 0 ? rest : rest[..pathStart];
        pieces.Path = pathStart < 0 ? default : rest[pathStart..];
        int at = authority.LastIndexOf('@');
        if (at >= 0) authority = authority[(at + 1)..];

        if (authority.StartsWith("["))
        {
            int close = authority.IndexOf(']');
            pieces.UnclosedBracket = close < 0;
            pieces.Host = close < 0 ? authority[1..] : authority[1..close];
            var after = close < 0 ? default : authority[(close + 1)..];
            if (after.Length > 0 && after[0] == ':')
            {
                pieces.PortText = after[1..];
                pieces.HasPort = true;
            }
            else pieces.JunkAfterBracket = after.Length > 0;
        }
        else
        {
            int colon = authority.LastIndexOf(':');
            pieces.Host = colon < 0 ? authority : authority[..colon];
            if (colon >= 0)
            {
                pieces.PortText = authority[(colon + 1)..];
                pieces.HasPort = true;
            }
        }
        return true;
    }

    // IPAddress.TryParse accepts "1" or "1.2" as IPv4 shorthands; a URL host like that is a name, not a literal.
    private static bool LooksLikeLiteral(ReadOnlySpan<char> host) =>
        host.Contains(':') || host.Count('.') == 3;
}
