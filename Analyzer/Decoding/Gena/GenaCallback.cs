using Analyzer.Decoding.Http;

namespace Analyzer.Decoding.Gena;

/// <summary>
/// One delivery URL of a SUBSCRIBE CALLBACK header (UDA 2.0 §4.1.2: <c>CALLBACK: &lt;url&gt;&lt;url&gt;…</c>), with the
/// host and port the device would send NOTIFY requests to (see <see cref="UrlParts.Read"/> for the port rules).
/// </summary>
public readonly record struct GenaCallback(string Url, string Host, int Port, string Path)
{
    public const int MaxCallbacks = 16;

    /// <summary>The host as an address when it is an IP literal (see <see cref="UrlParts.LiteralAddress"/>).</summary>
    public NetAddress? Address => UrlParts.LiteralAddress(Host);

    /// <summary>Every &lt;…&gt; URL of a CALLBACK value (at most <see cref="MaxCallbacks"/>); <paramref name="total"/> counts all.</summary>
    public static List<GenaCallback> ParseList(string value, out int total)
    {
        var result = new List<GenaCallback>();
        total = 0;
        int pos = 0;
        while (pos < value.Length)
        {
            int open = value.IndexOf('<', pos);
            if (open < 0) break;
            int close = value.IndexOf('>', open + 1);
            string url = close < 0 ? value[(open + 1)..] : value[(open + 1)..close];
            total++;
            if (result.Count < MaxCallbacks) result.Add(Parse(url));
            if (close < 0) break;
            pos = close + 1;
        }
        return result;
    }

    /// <summary>
    /// Where a CALLBACK value breaks the port rule the Realtek SDK's parser relies on (CVE-2021-35393): in the first
    /// <c>&lt;http://host:digits X</c>, the index of X when it is neither '/' nor '&gt;'; null when the value keeps
    /// the rule (<c>&lt;http://1.2.3.4:5000&gt;</c> with no path keeps it).
    /// </summary>
    public static int? JunkAfterPort(string value)
    {
        int open = value.IndexOf("<http", StringComparison.OrdinalIgnoreCase);
        if (open < 0) return null;
        int scheme = value.IndexOf("://", open, StringComparison.Ordinal);
        if (scheme < 0) return null;
        int hostStart = scheme + 3;
        int colon;
        if (hostStart < value.Length && value[hostStart] == '[')
        {
            int close = value.IndexOf(']', hostStart);
            if (close < 0 || close + 1 >= value.Length || value[close + 1] != ':') return null;
            colon = close + 1;
        }
        else
        {
            colon = value.IndexOfAny([':', '/', '>'], hostStart);
            if (colon < 0 || value[colon] != ':') return null;
        }
        int digits = colon + 1;
        while (digits < value.Length && char.IsAsciiDigit(value[digits])) digits++;
        if (digits == colon + 1 || digits - colon - 1 > 5 || digits >= value.Length) return null;
        if (value[digits] is '/' or '>') return null;
        return digits;
    }

    public static GenaCallback Parse(string url)
    {
        var parsed = UrlParts.Read(url);
        return new GenaCallback(url, parsed.Host, parsed.Port, parsed.Path);
    }
}
