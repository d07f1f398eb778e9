using System.Globalization;

namespace Analyzer.Publishing;

/// <summary>
/// A broker address parsed from <c>redis://[[USER]:PASSWORD@]HOST[:PORT][/DB]</c>; <c>rediss://</c> is the same over
/// TLS. The port defaults to 6379 and the database to 0.
/// </summary>
public sealed record PublishTarget(string Host, int Port, int Database, string? User, string? Password, bool Tls)
{
    public const int DefaultPort = 6379;
    /// <summary>Redis numbers its databases from 0; a larger index than this is a typo, not a configuration.</summary>
    public const int MaxDatabase = 65535;
    /// <summary>Bound on the URL text, so an error message that quotes it stays one readable line.</summary>
    public const int MaxUrlLength = 2048;

    private const string Expected = "expected redis://HOST:PORT[/DB] or rediss://HOST:PORT[/DB]";

    /// <summary>Parses a broker URL; throws <see cref="PublishTargetException"/> with a one-line reason.</summary>
    public static PublishTarget Parse(string url)
    {
        if (string.IsNullOrWhiteSpace(url)) throw Bad(url, "empty");
        if (url.Length > MaxUrlLength) throw new PublishTargetException($"broker URL longer than {MaxUrlLength} characters");
        bool tls;
        string rest;
        if (url.StartsWith("redis://", StringComparison.OrdinalIgnoreCase)) { tls = false; rest = url["redis://".Length..]; }
        else if (url.StartsWith("rediss://", StringComparison.OrdinalIgnoreCase)) { tls = true; rest = url["rediss://".Length..]; }
        else throw Bad(url, "unknown scheme");

        if (rest.IndexOfAny(['?', '#']) >= 0) throw Bad(url, "query strings and fragments are not supported");
        string? user = null, password = null;
        int at = rest.LastIndexOf('@');
        if (at >= 0)
        {
            var userInfo = rest[..at];
            rest = rest[(at + 1)..];
            int colon = userInfo.IndexOf(':');
            var rawUser = colon < 0 ? userInfo : userInfo[..colon];
            if (colon >= 0) password = Uri.UnescapeDataString(userInfo[(colon + 1)..]);
            else password = Uri.UnescapeDataString(userInfo); // redis://SECRET@host: a lone value is the password, as redis-cli reads it
            if (colon >= 0 && rawUser.Length > 0) user = Uri.UnescapeDataString(rawUser);
            if (string.IsNullOrEmpty(password)) password = null;
        }

        int slash = rest.IndexOf('/');
        var hostPort = slash < 0 ? rest : rest[..slash];
        var dbText = slash < 0 ? "" : rest[(slash + 1)..];
        int database = 0;
        if (dbText.Length > 0 && (!int.TryParse(dbText, NumberStyles.None, CultureInfo.InvariantCulture, out database) || database > MaxDatabase))
            throw Bad(url, $"database must be a number from 0 to {MaxDatabase}");

        string host;
        string? portText = null;
        if (hostPort.StartsWith('['))
        {
            int close = hostPort.IndexOf(']');
            if (close < 0) throw Bad(url, "unclosed [ in the host");
            host = hostPort[1..close];
            var after = hostPort[(close + 1)..];
            if (after.Length > 0)
            {
                if (after[0] != ':') throw Bad(url, "unexpected text after the host");
                portText = after[1..];
            }
        }
        else
        {
            int colon = hostPort.IndexOf(':');
            host = colon < 0 ? hostPort : hostPort[..colon];
            if (colon >= 0) portText = hostPort[(colon + 1)..];
        }
        if (host.Length == 0) throw Bad(url, "no host");
        if (Uri.CheckHostName(host) == UriHostNameType.Unknown) throw Bad(url, $"invalid host \"{host}\"");
        int port = DefaultPort;
        if (portText is not null
            && (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535))
            throw Bad(url, "port must be a number from 1 to 65535");
        return new PublishTarget(host, port, database, user, password, tls);
    }

    /// <summary>The same target with the password given apart from the URL (config file or environment).</summary>
    public PublishTarget WithPassword(string? password) => string.IsNullOrEmpty(password) ? this : this with { Password = password };

    /// <summary>The URL without its password, safe to print.</summary>
    public override string ToString()
    {
        var host = Host.Contains(':') ? $"[{Host}]" : Host;
        var auth = User is not null ? $"{User}:***@" : Password is not null ? ":***@" : "";
        return $"{(Tls ? "rediss" : "redis")}://{auth}{host}:{Port.ToString(CultureInfo.InvariantCulture)}/{Database.ToString(CultureInfo.InvariantCulture)}";
    }

    private static PublishTargetException Bad(string url, string reason) =>
        new($"invalid broker URL \"{Redact(url)}\": {reason} ({Expected})");

    /// <summary>Never echo a password, even in an error.</summary>
    private static string Redact(string url)
    {
        int scheme = url.IndexOf("://", StringComparison.Ordinal);
        int at = url.LastIndexOf('@');
        if (scheme < 0 || at < scheme) return url;
        return url[..(scheme + 3)] + "***" + url[at..];
    }
}
