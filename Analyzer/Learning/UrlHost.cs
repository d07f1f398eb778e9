using Analyzer.Decoding;

namespace Analyzer.Learning;

/// <summary>The host part of an absolute URL as found in LOCATION and CALLBACK headers.</summary>
internal static class UrlHost
{
    public enum Kind : byte { None, Address, Name }

    /// <summary>
    /// Reads the authority of <c>scheme://[user@]host[:port]/…</c>: an IP literal (IPv6 in brackets) gives
    /// <see cref="Kind.Address"/>, anything else non-empty <see cref="Kind.Name"/>; no "://" gives <see cref="Kind.None"/>.
    /// </summary>
    public static Kind Read(ReadOnlySpan<char> url, out NetAddress address)
    {
        address = default;
        int scheme = url.IndexOf("://");
        if (scheme < 0) return Kind.None;
        var rest = url[(scheme + 3)..];
        int end = rest.IndexOfAny("/?#>");
        var authority = end < 0 ? rest : rest[..end];
        int at = authority.LastIndexOf('@');
        if (at >= 0) authority = authority[(at + 1)..];
        ReadOnlySpan<char> host;
        if (authority.StartsWith('['))
        {
            int close = authority.IndexOf(']');
            host = close < 0 ? authority[1..] : authority[1..close];
        }
        else
        {
            int colon = authority.IndexOf(':');
            host = colon < 0 ? authority : authority[..colon];
        }
        host = host.Trim();
        if (host.IsEmpty) return Kind.None;
        return NetAddress.TryParse(host, out address) ? Kind.Address : Kind.Name;
    }
}
