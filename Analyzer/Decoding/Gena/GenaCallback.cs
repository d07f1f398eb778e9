namespace Analyzer.Decoding.Gena;

/// <summary>
/// One delivery URL of a SUBSCRIBE CALLBACK header (UDA 2.0 §4.1.2: <c>CALLBACK: &lt;url&gt;&lt;url&gt;…</c>), with the
/// host and port the device would send NOTIFY requests to. <see cref="Port"/> is 0 when the URL has none and is not
/// http (80 is implied for http).
/// </summary>
public readonly record struct GenaCallback(string Url, string Host, int Port, string Path)
{
    public const int MaxCallbacks = 16;

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

    public static GenaCallback Parse(string url)
    {
        var rest = url.AsSpan().Trim();
        int scheme = rest.IndexOf("://");
        bool http = scheme >= 0 && rest[..scheme].Equals("http", StringComparison.OrdinalIgnoreCase);
        if (scheme < 0) return new GenaCallback(url, "", 0, url);
        rest = rest[(scheme + 3)..];
        int end = rest.IndexOfAny('/', '?', '#');
        var authority = end < 0 ? rest : rest[..end];
        string path = end < 0 ? "" : rest[end..].ToString();
        int at = authority.LastIndexOf('@');
        if (at >= 0) authority = authority[(at + 1)..];

        ReadOnlySpan<char> host;
        ReadOnlySpan<char> portText = default;
        if (authority.StartsWith("["))
        {
            int bracket = authority.IndexOf(']');
            host = bracket < 0 ? authority[1..] : authority[1..bracket];
            if (bracket >= 0 && bracket + 1 < authority.Length && authority[bracket + 1] == ':') portText = authority[(bracket + 2)..];
        }
        else
        {
            int colon = authority.LastIndexOf(':');
            host = colon < 0 ? authority : authority[..colon];
            if (colon >= 0) portText = authority[(colon + 1)..];
        }
        int port = http ? 80 : 0;
        if (!portText.IsEmpty)
            port = int.TryParse(portText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int p) ? p : -1;
        return new GenaCallback(url, host.ToString(), port, path);
    }
}
